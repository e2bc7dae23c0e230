"""Numbers matched into series (one indicator each) and series into milestones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from mstrack.domain.characters import simplified
from mstrack.domain.dates import month_end
from mstrack.domain.quantities import as_number
from mstrack.model import Milestone
from mstrack.sources.table.figure_names import content_words, kinds_of_a_level
from mstrack.sources.table.likeness import PART_OF_WHOLE_RE, another_thing, opens_with_date, similarity, word_pairs
from mstrack.sources.table.mentions import LEVEL_WORDS, Mention, find_mentions
from mstrack.sources.table.numbers import MEASURE_UNITS, exact, exact_sum, unit_factor, unit_key
from mstrack.sources.table.schedule import COMPLETION, ITEM_STEP, START, step_subject, without_date
from mstrack.vocabulary import BOUND_WORDS, DONE_STAGE_WORDS, LEVEL_HOLDING_WORDS, NEW_THING_WORDS, STARTED_WORDS, WHOLE_AREA


@dataclass(kw_only=True)
class Series:
    """One indicator being assembled: its printed target (title or heading) and the numbers matched to it."""

    unit: str
    stages: frozenset
    texts: list[str]
    statement: Mention | None = None
    origin: str = "checkpoint"  # title | heading | checkpoint
    points: list[tuple[date, str, Mention]] = field(default_factory=list)  # (due, label, mention)
    filled: date | None = None  # a milestone added by "全面完成目标任务" or a heading's deadline
    nouns: list[str] = field(default_factory=list)
    held: list[Mention] = field(default_factory=list)  # "每月调查失业率不超过5.5%": the same bound held each period
    all_started: list[date] = field(default_factory=list)  # "三季度全部开工": the whole figure started by then

    def score(self, mention: Mention) -> float:
        factor = unit_factor(self.unit, mention.unit)
        if not factor:
            return 0.0
        if self.stages != mention.stages:
            factor *= 0.25
        if unit_key(self.unit) == "%" and self.points and mention.value < self.points[-1][2].value:
            return 0.0  # a share of the work does not fall: another series
        if self.statement and unit_key(self.unit) != "%":
            room = 1.5 if self.statement.comparator == ">=" else 1.0
            if mention.value > self.statement.value * room + 1e-9:
                factor *= 0.2  # a running total beyond the year's target is another count
        if self.statement and mention.share and unit_key(self.unit) == unit_key(mention.unit) \
                and abs(self.statement.value * mention.share / 100 - mention.value) <= self.statement.value * SHARE_ROUNDING:
            return 1.0  # "完成筛查人数1480人（20%）" of an annual 7400 人: this indicator's checkpoint, whatever its words
        score = max(similarity(t, c) for t in self.texts for c in mention.contexts)
        if mention.noun and any(word_pairs(n) & word_pairs(mention.noun) for n in self.nouns if n):
            score += 0.15
        if self.statement and mention.value == self.statement.value:
            score += 0.1
        if "/" in self.unit and self.points and mention.value == self.points[-1][2].value and self.unit == mention.unit:
            score += 0.5  # the same standard ("2017元/人/月") printed again
        return factor * score


SHARE_ROUNDING = 0.01  # a share printed in whole percent, its count rounded either way: off by a point at most
MATCH_THRESHOLD = 0.3  # a number joins an indicator printed in the title or a heading
BORN_THRESHOLD = 0.45  # numbers join one another across checkpoints only on closer wording


def assign(series: list[Series], checkpoints: list[tuple[date, str, str]], year: int | None = None) -> list[tuple[date, str, Mention]]:
    """Place each checkpoint's numbers on the best-matching series, greedily; return the ones left over."""
    leftovers: list[tuple[date, str, Mention]] = []
    seen: list[Mention] = []  # every figure of the checkpoints read so far, the current one's included
    for due, label, text in checkpoints:
        found = [m for m in find_mentions(text, year) if not kinds_of_a_level(m)]  # "提高3项…标准", as _statements reads it
        stated = [one.statement for one in series if one.statement]
        mentions = [_task_share(series, bound_each_period(mention, found + stated)) for mention in found]
        seen += mentions
        pairs = sorted(pair for mi, mention in enumerate(mentions) for pair in _candidates(series, mention, mi, len(checkpoints) == 1))
        refused = {mi for _, si, mi in pairs if beyond_target(series[si], mentions[mi])}
        pairs = [(score, si, mi) for score, si, mi in pairs if not beyond_target(series[si], mentions[mi])
                 and not per_period_amount(mentions[mi])  # "每月…" is no step of a target
                 and not share_of_a_rate(series, mentions[mi])]
        used_series, used_mentions = set(), set()
        for _, si, mi in pairs:
            if si in used_series or mi in used_mentions:
                continue
            used_series.add(si)
            used_mentions.add(mi)
            series[si].points.append((due, label, mentions[mi]))
            series[si].texts.extend(mentions[mi].contexts)
            series[si].nouns.append(mentions[mi].noun)
        for mi, mention in enumerate(mentions):
            if mi not in used_mentions and mi in refused:
                leftovers.append((due, label, mention))  # "新建公厕10座，9月底前完成12座": checkpoint text, a doubt
            elif mi not in used_mentions and _spread(each_period(series, mention), mention, due):
                continue  # "开展技能培训1200人次，每季度完成300人次": 300, 600, 900 by each quarter's end
            elif mi not in used_mentions and (unplaced_step(series, used_series, mention, due, seen) is not None
                                              or per_period_amount(mention) or _whole_again(series, mention)
                                              or share_of_a_rate(series, mention)):
                leftovers.append((due, label, mention))  # "第四季度前完成4条" of 5 after 2; "每季度完成300人次": a doubt
            elif mi not in used_mentions and not _printed_again(mention, mentions[:mi], text) \
                    and not _said_again(mention, [mentions[k] for k in used_mentions], text) \
                    and not _period_amount(series, used_series, mention, due) \
                    and not _target_again(series, used_series, mention, due) \
                    and not bound_held_again(mention, mentions + [one.statement for one in series if one.statement]):
                mention = _measured_otherwise(series, mention)
                born = Series(unit=mention.unit, stages=mention.stages, texts=list(mention.contexts), points=[(due, label, mention)],
                              nouns=[mention.noun])
                series.append(born)
                leftovers.append((due, label, mention))
    return leftovers


def _measured_otherwise(series: list[Series], mention: Mention) -> Mention:
    """"治理河道5条，第三季度前完成20公里": a bare step in a unit no stated figure counts in, beside the year's figure in
    another, is how far that work is by then (a running total, so a milestone with no target of the year), named by
    the year's figure when there is one, never 指标."""
    stated = [one.statement for one in series if one.statement is not None]
    if not bare_step(mention) or not stated or any(unit_key(s.unit) == unit_key(mention.unit) for s in stated):
        return mention
    return replace(mention, total=True, name=stated[0].name if len(stated) == 1 and mention.name == "指标" else mention.name)


def bare_step(mention: Mention) -> bool:
    """A figure after a dated step ("第三季度前完成2条", "9月底前投用1所", "6月底前开工8个") with no noun nor name of its
    own, only a verb of doing or starting: how far some indicator is."""
    rest = without_date(mention.verbs)
    return not mention.noun and rest != mention.verbs and (not content_words(rest) or VERB_ONLY_RE.fullmatch(rest) is not None)


# the words of a step that name no thing, only what is done by then: "投用", "争取开工", "建成并投入使用", or the item's own
# work a share at a time ("一季度发放30%": schedule.ITEM_STEP)
VERB_ONLY_RE = re.compile(rf"\s*(?:争取|力争|确保|累计|全部|全面|基本|新)?"
                          rf"(?:\s*(?:{COMPLETION}|{START}|交付使用|运营|{ITEM_STEP})\s*并?)+\s*")


def _period_amount(series: list[Series], taken: set[int], mention: Mention, due: date) -> bool:
    """"…第二季度前完成2条，第四季度前完成3条" beside the year's "治理河道5条" due the same day: the bare step is that
    period's amount of the target, which the amounts before it make up (2 + 3 = 5), or the target itself reached
    ("…完成2条，第四季度前完成5条": a running total); no indicator of its own."""
    return bare_step(mention) and any(
        one.points[-1][2].value in (mention.value, exact_sum([*(point[2].value for point in one.points[:-1]), mention.value]))
        for one in _due_with(series, taken, mention, due))


WHOLE_STEP_RE = re.compile(r"\s*(?:全部|全面)")  # "全部开工3所": the whole of a count, no thing of its own


def _whole_again(series: list[Series], mention: Mention) -> bool:
    """"新建学校3所，全部开工3所": a 全部 step, verb only, restating the year's count in its unit is that count at
    another stage, checkpoint text, no second target."""
    rest = without_date(mention.verbs or "")
    return not mention.noun and WHOLE_STEP_RE.match(rest) is not None and VERB_ONLY_RE.fullmatch(rest) is not None \
        and any(one.statement is not None and unit_key(one.unit) == unit_key(mention.unit)
                and exact(one.statement.value) == exact(mention.value) for one in series)


def _target_again(series: list[Series], taken: set[int], mention: Mention, due: date) -> bool:
    """"12月底前完成30公里；改造管网30公里": the year's target printed where its series took a bare step that reaches
    it, the same day: the target said again, no indicator of its own ("普及率达到80%,城乡达到80%" names two)."""
    return any(bare_step(one.points[-1][2]) and exact(one.points[-1][2].value) == exact(mention.value) == exact(one.statement.value)
               for one in _due_with(series, taken, mention, due))


def unplaced_step(series: list[Series], taken: set[int], mention: Mention, due: date,
                  steps: list[Mention] = ()) -> Series | None:
    """A bare step due with the year's figure that neither reaches it nor makes it up with the steps before it
    ("治理河道5条，第二季度前完成2条，第四季度前完成4条"): the series it does not fit (checkpoint text and a doubt),
    no indicator of its own. A step at a stage the figure does not count ("建设安置房2000套，…12月底前交付使用800套")
    counts how many reach that stage: an indicator of its own, as does one beside a start step that equals the figure
    (`steps`: "新建学校3所，6月底前开工3所，12月底前建成2所": all 3 start, 2 are done this year)."""
    if not bare_step(mention) or _period_amount(series, taken, mention, due):
        return None
    return next((one for one in _due_with(series, taken, mention, due) if step_stage(mention) in (None, series_stage(one))
                 and not _all_started(one, mention, steps)), None)


def _all_started(one: Series, mention: Mention, steps: list[Mention]) -> bool:
    """A start step of the figure's whole count among the task's steps: a later step of another stage counts
    another thing (how many are done by then), not how far the figure is."""
    return step_stage(mention) != "started" and any(
        step is not mention and bare_step(step) and step_stage(step) == "started" and unit_key(step.unit) == unit_key(one.unit)
        and exact(step.value) == exact(one.statement.value) for step in steps)


def _due_with(series: list[Series], taken: set[int], mention: Mention, due: date) -> list[Series]:
    """The stated series in the mention's unit that took a figure of the same checkpoint (due the same day)."""
    return [one for one in (series[si] for si in taken)
            if one.statement is not None and unit_key(one.unit) == unit_key(mention.unit) and one.points[-1][0] == due]


# "每季度完成300人次", "每月服务2000人次", "每月不少于4场": work done each period, the words from the period to the figure
# a verb or a bound; "每人每月609元" ("每人每月约60元", "每人每月不低于60元") is a standard (a figure straight after the
# period, or one per head), "每月平均用餐人数710人" an average, "每周三次为…学生（17787人）" a frequency of something else
EACH_PERIOD = r"每(?:个)?(?:季度|月|半年|周)"
EACH_PERIOD_RE = re.compile(rf"(?<![人户家个]){EACH_PERIOD}(?!平均|约)\s*[\u4e00-\u9fff]{{1,10}}\s*$")


def each_period(series: list[Series], mention: Mention) -> Series | None:
    """"开展技能培训1200人次，每季度完成300人次": the amount of each period of the year's target in its unit, less than
    it (the stated series returned), not an indicator named 每季度; a person checks it."""
    if not EACH_PERIOD_RE.search(mention.verbs or ""):
        return None
    return next((one for one in series if one.statement is not None and one.statement is not mention and not is_level(one)
                 and not EACH_PERIOD_RE.search(one.statement.verbs or "") and unit_key(one.unit) == unit_key(mention.unit)
                 and mention.value < one.statement.value), None)


def per_period_amount(mention: Mention) -> bool:
    """"每月开展1次", "每月不少于4场": an amount done each period; a rate or a standard held each period ("每月调查失业率
    不高于5.5%") is a level, read as before."""
    return EACH_PERIOD_RE.search(mention.verbs or "") is not None and unit_key(mention.unit) not in LEVEL_UNITS


def bound_held_again(mention: Mention, others: list[Mention]) -> bool:
    """"每月调查失业率不高于5.5%" beside the year's "城镇调查失业率控制在5.5%以内": a rate held each period that restates
    a figure of the words (the same level, a bound the same way or none) of a name alike is that indicator, no second
    one; "群众满意度达到95%，每月回访满意率不低于95%" names two things, two indicators."""
    return EACH_PERIOD_RE.search(mention.verbs or "") is not None and unit_key(mention.unit) in LEVEL_UNITS and any(
        one is not mention and not EACH_PERIOD_RE.search(one.verbs or "") and one.value == mention.value
        and unit_key(one.unit) == unit_key(mention.unit) and _names_agree(one.name, _held_name(mention))
        and ("=" in (one.comparator, mention.comparator) or one.comparator == mention.comparator) for one in others)


def bound_each_period(mention: Mention, others: list[Mention]) -> Mention:
    """"城区空气优良天数比例达到85%以上，每月不低于80%": a bound held each period, with no name of its own, on another level
    than the year's figure of its unit is an indicator of its own, named by the period and what it bounds ("每月城区空气
    优良天数比例"), never folded into the year's figure; `bounds` keeps that figure's name for the doubt."""
    if not EACH_PERIOD_RE.search(mention.verbs or "") or unit_key(mention.unit) not in LEVEL_UNITS \
            or content_words(_held_name(mention)):
        return mention
    year = next((one for one in others if one is not mention and not EACH_PERIOD_RE.search(one.verbs or "")
                 and unit_key(one.unit) == unit_key(mention.unit) and one.value != mention.value and one.name != "指标"), None)
    if year is None:
        return mention
    period = re.search(EACH_PERIOD, mention.verbs)[0]
    return replace(mention, name=(period + year.name)[:30], bounds=year.name)


def _held_name(mention: Mention) -> str:
    """The name of a bound held each period, without the period ("每月回访满意率" → "回访满意率")."""
    return re.sub(rf"^\s*{EACH_PERIOD}", "", mention.name)


# "满意度" and "满意率" name one measure; a bound left at a name's end ("每月调查失业率不高于") names nothing
RATE_END_RE = re.compile(rf"[率度]?(?:{'|'.join(BOUND_WORDS + LEVEL_HOLDING_WORDS)})*$")
# the whole area a rate is measured over, in front of its name: "城镇调查失业率" is the 调查失业率 there is
AREA_RE = re.compile(rf"^(?:城镇|{WHOLE_AREA})")


def _names_agree(year: str, held: str) -> bool:
    """The same name, the measure's 率/度 aside ("患者满意度" and "患者满意率"), or with the whole area in front of one
    ("城镇调查失业率" and "调查失业率"): one thing. Any other word more ("住院患者" within "患者", "农村调查失业率")
    or different ("住院患者" and "门诊患者", "群众满意" and "回访满意") names two."""
    a, b = (RATE_END_RE.sub("", content_words(name)) for name in (year, held))
    return bool(a) and bool(b) and AREA_RE.sub("", a) == AREA_RE.sub("", b)


PERIODS = {"季度": 3, "月": 1, "半年": 6}  # months in each period a "每…" amount is done in (每周: no milestones)


def _spread(one: Series | None, mention: Mention, due: date) -> bool:
    """"每季度完成300人次" beside the year's 1200 due at the year's end, 4 × 300 = 1200: the running total by each
    period's end (300, 600, 900) joins the indicator's milestones; an amount that does not make up the target
    (4 × 250 of 1200), or a target due before the year's end, stays checkpoint text with a doubt."""
    period = EACH_PERIOD_RE.search(mention.verbs or "")
    if one is None or period is None or due != date(due.year, 12, 31) or not one.points or one.points[-1][0] != due:
        return False
    months = next((n for word, n in PERIODS.items() if word in period[0]), None)
    if months is None:
        return False
    count = 12 // months
    if exact(mention.value) * count != exact(one.statement.value) or exact(one.points[-1][2].value) != exact(one.statement.value):
        return False
    ends = [month_end(due.year, months * k) for k in range(1, count)]
    one.points = sorted(one.points + [(end, period[0], replace(mention, value=as_number(exact(mention.value) * k), total=True))
                                      for k, end in enumerate(ends, start=1)], key=lambda point: point[0])
    return True


def _printed_again(mention: Mention, earlier: list[Mention], text: str) -> bool:
    """"新建2所幼儿园，建成2所幼儿园" in one checkpoint's words: the same figure again before the same noun, or a part
    given with its whole (其中…), is one target, as in a task's words (figures._statements); "新建2个公厕、改造2个驿站"
    counts two things. Two with no noun, the second named by the first ("社会消费品零售总额增长5%,即增长5%"), are one
    target; "…总额增长5%,外贸出口增长5%" (likeness.another_thing) and figures of other names are two. A level with no
    name of its own after the same level named ("上半年PM2.5浓度控制在35微克/立方米以内，下半年控制在35微克/立方米以内"): the
    one level held again."""
    if unit_key(mention.unit) in LEVEL_UNITS and not mention.noun and mention.name == "指标" and any(
            (one.value, unit_key(one.unit), one.comparator) == (mention.value, unit_key(mention.unit), mention.comparator)
            and one.name != "指标" for one in earlier):
        return True
    same = [one for one in earlier if (one.value, unit_key(one.unit), one.comparator) == (mention.value, unit_key(mention.unit),
                                                                                        mention.comparator)]
    return not mention.each and any(PART_OF_WHOLE_RE.match(mention.verbs) or (
        one.noun and mention.noun and (one.noun in mention.noun or mention.noun in one.noun))
        or _one_bare_name(one, mention, text) for one in same)


def _said_again(mention: Mention, placed: list[Mention], text: str) -> bool:
    """"社会消费品零售总额增长5%，即增长5%以上": a figure with no noun beside the one the indicator took, both of one
    name and one of them bare, is the same target said again with its bound (as figures._bare_and_bounded)."""
    return not mention.noun and not mention.each and any(
        one.value == mention.value and unit_key(one.unit) == unit_key(mention.unit)
        and "=" in (one.comparator, mention.comparator) and _one_bare_name(one, mention, text) for one in placed)


def _one_bare_name(one: Mention, mention: Mention, text: str) -> bool:
    """Two figures with no noun, the second named by the first ("…总额增长5%，即增长5%"): one target said again, unless
    the words make them two things ("…总额增长5%，外贸出口增长5%": likeness.another_thing)."""
    return not one.noun and not mention.noun and one.name == mention.name and not another_thing(mention, [one], text)


# "完成60%任务", "完成年度任务的60%": a share of the task's own work, not a rate of something else
# ("完成近视筛查工作任务的20%" names a work of its own: a share of that, kept in %)
TASK_SHARE_RE = re.compile(r"(?:完成|实现)\s*\d+(?:\.\d+)?\s*[%％]\s*的?(?:年度|全年)?(?:工作|建设|改造)?(?:任务|工作量)"
                           r"|(?:完成|实现)(?:年度|全年)?(?:工作)?(?:任务|工作量)的?\s*\d+(?:\.\d+)?\s*[%％]")


def share_of_a_rate(series: list[Series], mention: Mention) -> bool:
    """"治理率达到45%，上半年完成60%": a share of the work ("上半年完成60%", "完成60%任务") where every figure of the year
    is itself a share or a rate: 60 % of 45 % is 27 % or a step of the work, no milestone of the rate either way, and
    no indicator of its own. Left as checkpoint text (a count's share is _task_share's: that share of the count). A year's
    figure that is itself a share of the work ("第一季度完成年度投资的25%", dated or "完成…任务的60%") is none: the shares
    after it are its steps."""
    stated = [one.statement for one in series if one.statement]
    return unit_key(mention.unit) == "%" and not mention.share and bool(stated) \
        and all(unit_key(one.unit) in LEVEL_UNITS and not opens_with_date(one) and not TASK_SHARE_RE.search(one.excerpt)
                for one in stated) \
        and (TASK_SHARE_RE.search(mention.excerpt) is not None or bare_step(mention))


def _task_share(series: list[Series], mention: Mention) -> Mention:
    """A share of the task's work ("三季度完成60%任务", or a dated bare step "上半年完成60%") under one target counted
    in things: that share of the target, in its unit (60 % of 70 个 is 42 个)."""
    stated = [one for one in series if one.statement and unit_key(one.unit) not in ("%", "‰", "")]
    verb = without_date(mention.verbs).strip()  # "…扶持创业1000人，一季度发放30%": the figure its verb names (2亿元)
    stated = [one for one in stated if verb in one.statement.verbs] if len(stated) > 1 and re.fullmatch(ITEM_STEP, verb) else stated
    if unit_key(mention.unit) != "%" or len(stated) != 1 \
            or not (TASK_SHARE_RE.search(mention.excerpt) or bare_step(mention)):  # "上半年完成60%": a share of it too
        return mention
    value = as_number(exact(stated[0].statement.value) * exact(mention.value) / 100)
    return replace(mention, value=value, unit=stated[0].unit, share=mention.value)


TASK_WORK_RE = re.compile(r"(?:建设|改造|施工|建成)(?:任务|工作)")  # the task's own work, no thing that is counted


def beyond_target(one: Series, mention: Mention) -> bool:
    """A dated step larger than the year's stated count in its unit ("新建公厕10座，9月底前完成12座"): a running total
    that would fall, likely a typo; no milestone of the indicator, nor one of its own ("每月…" states a period's)."""
    target = one.statement
    return target is not None and one.origin in ("title", "heading") and not is_level(one) and "每" not in target.verbs \
        and unit_factor(one.unit, mention.unit) == 1 and mention.value > target.value


def _candidates(series: list[Series], mention: Mention, mi: int, only: bool = False) -> list[tuple[float, int, int]]:
    """(-score, series index, mention index) of every series close enough to take the mention; `only`: the mention is
    in the task's one checkpoint (the words under a 完成时限), which details its title."""
    scores = [one.score(mention) for one in series]
    # "完成7家", "完成7家建设任务", "第三季度前完成2条" (the task's own work): the noun is left out; one series counts 家;
    # a step that only says what is done or started by then ("6月底前争取开工15个") is how far that one is, at any stage
    step = bare_step(mention)
    if len(content_words(TASK_WORK_RE.sub("", without_date(mention.contexts[0])))) < 2 or step:
        alike = [si for si, one in enumerate(series) if unit_key(one.unit) == unit_key(mention.unit)
                 and (step and subject_fits(mention, one.statement.name if one.statement else "") or one.stages == mention.stages)]
        if step:
            alike = _of_its_stage(series, alike, mention)
        if len(alike) == 1:
            scores[alike[0]] = max(scores[alike[0]], 0.5)
    if (si := _place_step(series, mention)) is not None:
        scores[si] = max(scores[si], 0.5)
    for si, one in enumerate(series):  # "三千户改厕" over "完成三千户农村户厕改造": the title's figure again, in the words it titles
        if only and one.origin == "title" and one.statement and not one.points and one.stages == mention.stages \
                and one.statement.value == mention.value and unit_key(one.unit) == unit_key(mention.unit) != "%":
            scores[si] = max(scores[si], MATCH_THRESHOLD)
    return [(-scores[si], si, mi) for si, one in enumerate(series) if scores[si] >= (MATCH_THRESHOLD if one.statement else BORN_THRESHOLD)]


# the stage of the work a step or a figure counts: started ("开工") or done ("竣工", "建成投用", "交付使用"); "完成" says
# neither, nor do words that say both ("开工并建成")
STARTED_RE = re.compile("|".join(STARTED_WORDS))
DONE_RE = re.compile("|".join(DONE_STAGE_WORDS))


def work_stage(words: str) -> str | None:
    words = simplified(words)
    started, done = STARTED_RE.search(words), DONE_RE.search(words)
    return None if bool(started) == bool(done) else "started" if started else "done"


def step_stage(mention: Mention) -> str | None:
    """The stage a bare step says ("6月底前开工5个": started)."""
    return work_stage(without_date(mention.verbs))


def series_stage(one: Series) -> str | None:
    """The stage the year's figure counts ("新开工项目10个": started; "建设安置房2000套": the whole work, none)."""
    return figure_stage(one.statement.name if one.statement else "")


# a figure of new things ("新建学校3所", "新增充电桩100个") counts them once they stand, as 建成 does: a start
# ("6月底前开工3所") is no step of it ("新开工项目" still counts starts); projects ("新建项目20个", "新建水利工程8个") are
# counted when they start, so a 新建 figure of them says no stage
NEW_BUILT_RE = re.compile("|".join(NEW_THING_WORDS))
PROJECTS_RE = re.compile(r"项目|工程")


def figure_stage(name: str) -> str | None:
    """The stage a figure's name counts: its verb's (work_stage), or done for new things with no verb of a stage."""
    stage, words = work_stage(name), simplified(name)
    if stage is None and NEW_BUILT_RE.search(words) and not STARTED_RE.search(words) and not PROJECTS_RE.search(words):
        return "done"
    return stage


def stage_fits(step: Mention, figure: Mention) -> bool:
    """A bare step can be how far the figure is: neither says a stage, or both the same ("新开工项目10个，其中6月底前
    竣工3个" counts another stage)."""
    stages = step_stage(step), figure_stage(figure.name)
    return (None in stages or stages[0] == stages[1]) and subject_fits(step, figure.name)


def subject_fits(step: Mention, name: str) -> bool:
    """A bare step whose subject names a thing ("护理床位6月底前达到1000张") is a step only of a figure whose name holds
    it ("养老床位6月底前达到…" of "新增养老床位"), not of "新增养老床位" beside it; an office as subject names none."""
    subject = content_words(simplified(step_subject(step.verbs)))
    return not subject or subject in content_words(simplified(name))


def _of_its_stage(series: list[Series], alike: list[int], mention: Mention) -> list[int]:
    """Of the figures in a bare step's unit, those it is a step of: the ones of its stage ("新开工项目10个，竣工项目6个，
    6月底前开工5个": 新开工项目); else all but those clearly at another ("新开工项目10个，其中6月底前竣工3个": no
    start checkpoint, an indicator of its own)."""
    stage = step_stage(mention)
    if stage is None:
        return alike
    same = [si for si in alike if series_stage(series[si]) == stage]
    return same or [si for si in alike if series_stage(series[si]) is None]


# a step's words that are a place and a verb of starting or doing: "争取在市区开工", "六县(市)开工"
PLACE_STEP_RE = re.compile(rf"(?:争取|力争|确保)?\s*在?\s*(?P<place>[\u4e00-\u9fff()（）]{{2,8}}?)\s*(?:{START}|{COMPLETION})")


def _place_step(series: list[Series], mention: Mention) -> int | None:
    """"6月底前，争取在市区开工10所、六县(市)开工4所" beside "市区新建…30所，六县(市)城区新建…10所": a step that names a
    place and a verb, no thing, is how far the one figure in its unit whose name opens with that place is."""
    m = None if mention.noun else PLACE_STEP_RE.fullmatch(simplified(without_date(mention.verbs).strip()))
    if m is None:
        return None
    alike = [si for si, one in enumerate(series) if one.statement is not None and unit_key(one.unit) == unit_key(mention.unit)
             and simplified(one.statement.name).startswith(m["place"])]
    return alike[0] if len(alike) == 1 else None


LEVEL_UNITS = ("%", "‰", "个百分点", *{unit_key(u) for u in MEASURE_UNITS})  # shares, rates, concentrations: never summed


def is_level(one: Series) -> bool:
    """Rates, shares and standards are levels: the same figure twice is no second amount."""
    unit = unit_key(one.unit)
    words = "".join(t for t in one.texts)
    return unit in LEVEL_UNITS or unit.startswith("元/") or any(w in words for w in LEVEL_WORDS)


def per_period(one: Series) -> bool:
    """Per-period amounts, not running totals: a series that falls, or repeats, without saying 累计."""
    if is_level(one) or len(one.points) < 2 or len({unit_key(m.unit) for _, _, m in one.points}) > 1 \
            or len({m.stages for _, _, m in one.points}) > 1:
        return False  # levels, single figures and figures counted in different units or stages (开工 / 完工) are read as printed
    steps = [exact(m.value) for _, _, m in one.points]
    if one.statement is not None and opens_with_date(one.statement) and not one.points[-1][2].total \
            and sum(steps) == exact(one.statement.value) != steps[-1]:
        return True  # steps with no year's figure, their sum the target (figures._steps_target)
    for (_, _, a), (_, _, b) in zip(one.points, one.points[1:], strict=False):
        if b.total:
            continue
        if b.value < a.value or b.value == a.value:
            return True
    return False


def milestones_of(one: Series) -> tuple[list[Milestone], str | None, list[int]]:
    """Milestones (cumulative targets), the indicator's reading, and which points were read per period."""
    target = one.statement.value if one.statement else None
    if not per_period(one):
        return [Milestone(due=due, target=m.value) for due, _, m in one.points], None, []
    running = Decimal(0)
    result, increments = [], []
    earlier_verbs = [m.verbs for _, _, m in one.points[:-1]]  # as written: content_words drops 完成
    for k, (due, _, m) in enumerate(one.points):
        last = k == len(one.points) - 1
        says_total = m.total or (last and target is not None and m.value == target and running > 0)
        # A last 完成N, when no earlier figure said 完成, is the year's total once it reaches what was counted:
        # "新建成2、新建成2、完成4" is 4 in all (the 完成 confirms the sum), "…、完成7" is 7 in all.
        says_total = says_total or (last and "完成" in m.verbs and not any("完成" in v for v in earlier_verbs)
                                    and exact(m.value) >= running)
        if says_total:
            running = exact(m.value)
            result.append(Milestone(due=due, target=m.value))
        else:
            running += exact(m.value)
            result.append(Milestone(due=due, target=as_number(running), printed=m.value))
            increments.append(k)
    if len(increments) == len(result):
        return result, "increment", increments
    for milestone in result:  # mixed: totals as printed, per-period amounts summed
        if milestone.printed is not None and milestone.printed == milestone.target:
            milestone.printed = None
    return result, None, increments


def month_plan_only(one: Series, planned: set[date]) -> bool:
    """A series born of a month's plan alone, no target printed for it."""
    return one.statement is None and bool(one.points) and all(due in planned for due, _, _ in one.points)


def work_progress(one: Series) -> bool:
    """A share of the work's own progress ("完成项目形象进度20%"): in a month's plan, how far the work should be by
    then, no target of the year (a schedule of quarters that runs it to 100% makes it one)."""
    return unit_key(one.unit) == "%" and bool({"进度", "工程量"} & one.stages)


def join_month_plan_figures(series: list[Series], leftovers: list[tuple[date, str, Mention]],
                            planned: set[date]) -> list[tuple[date, str, Mention]]:
    """A figure of a month's plan whose words matched none of the targets ("完成安装1000户" under a year's 1万户) is a
    checkpoint of the one target counted in its unit, when there is one; a figure with a share of its own that does
    not fit that target ("900人(25%)" of 6000) is another count."""
    for one in [s for s in series if month_plan_only(s, planned) and not any(p[2].share for p in s.points)]:
        alike = [s for s in series if s.statement is not None and unit_key(s.unit) == unit_key(one.unit)]
        if len(alike) != 1 or any(due == point[0] for point in one.points for due, _, _ in alike[0].points):
            continue
        alike[0].points = sorted(alike[0].points + one.points, key=lambda point: point[0])
        series.remove(one)
        leftovers = [left for left in leftovers if all(left[2] is not point[2] for point in one.points)]
    return leftovers
