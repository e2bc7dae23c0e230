"""Numbers matched into series: each checkpoint's figures placed on the indicator they are a step of, or left as
checkpoint text (a doubt), or a new indicator of their own."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from mstrack.domain.characters import simplified
from mstrack.domain.quantities import as_number
from mstrack.sources.table.figure_names import content_words, kinds_of_a_level
from mstrack.sources.table.likeness import PART_OF_WHOLE_RE, another_thing, opens_with_date
from mstrack.sources.table.mentions import Mention, find_mentions
from mstrack.sources.table.numbers import exact, exact_sum, unit_factor, unit_key
from mstrack.sources.table.period_amounts import (
    bound_each_period,
    bound_held_again,
    each_period,
    per_period_amount,
    spread_over_periods,
)
from mstrack.sources.table.schedule import COMPLETION, ITEM_STEP, START, without_date
from mstrack.sources.table.series import LEVEL_UNITS, Series, is_level
from mstrack.sources.table.steps import VERB_ONLY_RE, bare_step, series_stage, step_stage, subject_fits

MATCH_THRESHOLD = 0.3  # a number joins an indicator printed in the title or a heading
BORN_THRESHOLD = 0.45  # numbers join one another across checkpoints only on closer wording


def assign(series: list[Series], checkpoints: list[tuple[date, str, str]], year: int | None = None) -> list[tuple[date, str, Mention]]:
    """Place each checkpoint's numbers on the best-matching series, greedily; return the ones left over."""
    leftovers: list[tuple[date, str, Mention]] = []
    seen: list[Mention] = []  # every figure of the checkpoints read so far, the current one's included
    for due, label, text in checkpoints:
        # "提高3项…标准" is no figure, as _statements reads it; "到2020年，…达到75%" dated 2020 is due by then, its own date
        found = [m for m in find_mentions(text, year, until=due.year) if not kinds_of_a_level(m)]
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
            elif mi not in used_mentions and spread_over_periods(each_period(series, mention), mention, due):
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
