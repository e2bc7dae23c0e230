"""A raw task's lines grouped into units that share one schedule, and the figures read from their cells."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from mstrack.errors import Message
from mstrack.sources.table.columns import lists_problems
from mstrack.sources.table.figure_names import clean_name, content_words, cut_name, kinds_of_a_level
from mstrack.sources.table.figure_picks import named_again
from mstrack.sources.table.likeness import another_thing, opens_with_date, own_offices, works_named
from mstrack.sources.table.mentions import COMPLETE_RE, Mention, find_mentions, protect_commas, stated
from mstrack.sources.table.numbers import exact, exact_sum, unit_factor, unit_key
from mstrack.sources.table.period_amounts import bound_each_period, bound_held_again, per_period_amount
from mstrack.sources.table.placing import assign
from mstrack.sources.table.raw import RawLine, RawTask
from mstrack.sources.table.schedule import dated_parts, month_digits, numbered_deadlines, numbered_parts, one_mark, outlet_dates, span_start
from mstrack.sources.table.series import LEVEL_UNITS, Series, is_level, join_month_plan_figures, month_amounts
from mstrack.sources.table.spans import EVENT_SPAN_HEADER
from mstrack.sources.table.steps import bare_step, series_stage, stage_fits
from mstrack.sources.table.terms import term_days
from mstrack.vocabulary import (
    AT_LEAST_PREFIXES,
    BOUND_SUFFIXES,
    BOUND_WORDS,
    PLACE_NAME,
    PROGRESS_MOMENT,
    PROGRESS_OPENING,
    START_VERBS,
)

PROGRESS_RE = re.compile(PROGRESS_OPENING)  # "已完成58公里" after the target: how far, no target (vocabulary.PROGRESS_OPENING)
MOMENT_RE = re.compile(PROGRESS_MOMENT)  # "截至督查时只培训178人": what was done by the report's day (vocabulary.PROGRESS_MOMENT)
# "秸秆收储点16个已完成5个": a count run straight into the part of it done, in the same measure word, no stop between
# (a bound before either figure or after the whole: "约16个", "不少于16个", "16个以上")
_BOUND_BEFORE = "|".join(("约", *AT_LEAST_PREFIXES))
WHOLE_THEN_DONE_RE = re.compile(rf"[^，,；;。：:]*?(?:{_BOUND_BEFORE})?\s*\d+(?:\.\d+)?\s*(?P<unit>[\u4e00-\u9fff]{{1,2}}?)\s*"
                                rf"(?:{'|'.join(BOUND_SUFFIXES)})?\s*已经?(?:完成|建成|完工|竣工)?\s*(?:{_BOUND_BEFORE})?\s*"
                                rf"\d+(?:\.\d+)?\s*(?P=unit)")


def without_moments(text: str) -> str:
    """The words less what they report done by the report's day ("截至督查时只培训178人": MOMENT_RE), but for a whole
    stated with its part done there ("截止督查时,…,刚开工建设秸秆收储点16个已完成5个,…"): the count of the work the
    project is, its progress beside it (the part done, "已完成5个", no target: _statements)."""
    return MOMENT_RE.sub(lambda moment: "，".join(m[0] for m in WHOLE_THEN_DONE_RE.finditer(moment[0])), text)


@dataclass(kw_only=True)
class Unit:
    """Lines that share one schedule (a cell listing several lead units): numbers are read once."""

    lines: list[RawLine]
    checkpoints: list[tuple[date, str, str]]  # (due, label, text)
    heading: str = ""
    undated: str = ""
    series: list[Series] = field(default_factory=list)
    leftovers: list[tuple[date, str, Mention]] = field(default_factory=list)
    own: list[list[tuple[date, str, str]]] = field(default_factory=list)  # each line's own dates, when its rows have them
    holder: int = 0  # the line that holds the unit's indicators when no scope tells


def _statements(text: str, origin: str, year: int, own_places: tuple[str, ...] = (), until: int | None = None,
                named: frozenset[tuple[int, str, str]] = frozenset()) -> list[Series]:
    result = []
    seen, held = set(), []
    found = find_mentions(without_moments(text), year, own_places=own_places, until=until)
    mentions = [bound_each_period(mention, found) for mention in found]  # "…85%，每月不低于80%": 每月… named by what it bounds
    printed = Counter((m.value, unit_key(m.unit)) for m in mentions if m.unit)
    last_steps = _last_steps(mentions)
    elsewhere = _measured_elsewhere(mentions)
    for k, mention in enumerate(mentions):
        if unit_key(mention.unit) in elsewhere:
            continue  # "治理河道5条，第三季度前完成20公里": how far by then in another unit, a checkpoint (series.assign)
        if any(mention is step for step in last_steps.get(unit_key(mention.unit), [])):
            if mention is last_steps[unit_key(mention.unit)][-1]:
                result.append(_series(_titled(_steps_target(last_steps[unit_key(mention.unit)]), text), origin))
            continue  # "第二季度前完成2条，第四季度前完成3条" and no year's figure: the last step is the target
        if PROGRESS_RE.match(mention.verbs) and any(unit_key(one.unit) == unit_key(mention.unit) for one in result):
            continue  # "改造农村公路50公里，已完成58公里": how far the work is, after its target: no target (review18)
        if per_period_amount(mention):
            continue  # "开展技能培训1200人次，每季度完成300人次": each quarter's amount of the 1200, no target of its own
        if named_again(mention.value, mention.unit, mention.excerpt, named):
            continue  # "调查三家商品砼公司…" after "远大、中发和中荣三家企业": the set named, no count of the year's work
        if kinds_of_a_level(mention):
            continue  # "提高工伤保险3项待遇水平": which levels are raised, no count to deliver
        if bound_held_again(mention, mentions):
            held.append(mention)  # "每月调查失业率不超过5.5%": the year's bound held each month, kept for a doubt
            continue
        if ((mention.value, unit_key(mention.unit), mention.comparator) in seen and not mention.each
                and not another_thing(mention, [one.statement for one in result], text)) \
                or (not mention.unit and any(value == mention.value for value, _, _ in seen)):
            continue  # "完成在职参保人数6300人" beside a 目标任务 of "6300人" (or of "6300"): one target
        if _step_of(mention, [one.statement for one in result] + [m for m in mentions[k + 1:] if not bare_step(m)]) \
                or _named_step_of(mention, mentions[k + 1:]):
            continue  # "治理河道5条，第三季度前完成2条" ("第三季度前完成2条，全年治理河道5条"): the indicator's checkpoint
        twice = next((i for i, one in enumerate(result) if _bare_and_bounded(one.statement, mention)), None) \
            if printed[(mention.value, unit_key(mention.unit))] == 2 else None
        if twice is not None:
            if mention.comparator != "=":  # "10万平方米…项目" titled, "不少于10万平方米" in its words: one target
                result[twice] = _series(mention, origin)
            continue
        seen.add((mention.value, unit_key(mention.unit), mention.comparator))
        result.append(_series(mention, origin))
    for mention in held:  # on the indicator it restates, so the fact is not dropped unsaid
        next((one.held for one in result if one.statement.value == mention.value
              and unit_key(one.unit) == unit_key(mention.unit)), []).append(mention)
    return result


def _last_steps(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """The bare steps of each unit that no figure but dated steps counts in ("第二季度前完成2条，第四季度前完成3条")."""
    by_unit: dict[str, list[Mention]] = {}
    for m in mentions:
        by_unit.setdefault(unit_key(m.unit), []).append(m)
    return {unit: steps for unit, steps in by_unit.items() if (any(map(bare_step, steps)) or len(steps) > 1)
            and all(bare_step(m) or opens_with_date(m) and (k == 0 or m.name == steps[0].name) for k, m in enumerate(steps))}


def _measured_elsewhere(mentions: list[Mention]) -> set[str]:
    """The units whose figures are only bare steps ("第三季度前完成20公里") beside a year's figure in another unit
    ("治理河道5条"): how far the work is by then, measured otherwise; no target of the year of their own."""
    by_unit: dict[str, list[Mention]] = {}
    for m in mentions:
        by_unit.setdefault(unit_key(m.unit), []).append(m)
    stated = {unit for unit, found in by_unit.items() if any(not bare_step(m) and not per_period_amount(m) for m in found)}
    return {unit for unit, found in by_unit.items() if unit and stated - {unit} and all(map(bare_step, found))}


def _steps_target(steps: list[Mention]) -> Mention:
    """The target of steps with no year's figure: the last, a running total ("完成2条…完成3条": 3); where they repeat
    or fall ("6月底前完成10公里，9月底前完成10公里，12月底前完成10公里") they are amounts per period, and their sum is
    (30), as series.milestones_of reads them."""
    last = steps[-1] if bare_step(steps[0]) else replace(steps[-1], name=steps[0].name, noun=steps[0].noun)
    if any(s.total for s in steps[1:]) or all(b.value > a.value for a, b in zip(steps, steps[1:], strict=False)) \
            and not _second_half(last) or unit_key(last.unit) in LEVEL_UNITS:
        return last  # shares of the year are never summed
    return replace(last, value=exact_sum(s.value for s in steps))


def _second_half(step: Mention) -> bool:
    """A step dated 下半年 ("上半年开工20个，下半年开工30个"): that half's amount, not a total by the year's end."""
    return step.verbs.lstrip().startswith("下半年")


def _titled(mention: Mention, text: str) -> Mention:
    """A step with no name of its own ("指标") is named by the title the words follow, when that prints no figure."""
    title = text.split("\n")[0].strip()
    if mention.name != "指标" or "\n" not in text or not title or find_mentions(title) or len(title) > 20:
        return mention
    return replace(mention, name=title)


def _step_of(mention: Mention, others: list[Mention | None]) -> bool:
    """A figure after a dated step ("第三季度前完成2条", "6月底前累计完成2.4万人") with no noun nor name of its own, in the
    unit of another figure of the words (before it, or after it and no step): how far the item's indicator is by that
    date, no indicator of its own; a step at another stage than the figure ("新开工项目10个，其中6月底前竣工3个") is one."""
    return bare_step(mention) and any(one is not None and unit_key(one.unit) == unit_key(mention.unit)
                                      and stage_fits(mention, one) for one in others)


def _named_step_of(mention: Mention, after: list[Mention]) -> bool:
    """A dated step that names its thing, before the year's figure of that name in its unit, no larger ("6月底前新增城镇
    就业1000人，9月底前累计达到2000人，全年新增3000人"): the first checkpoint of that indicator, no target of its own."""
    return opens_with_date(mention) and not bare_step(mention) and any(
        not opens_with_date(m) and m.name == mention.name and unit_key(m.unit) == unit_key(mention.unit)
        and exact(m.value) > exact(mention.value) and stage_fits(mention, m) for m in after)


def _bare_and_bounded(first: Mention, second: Mention) -> bool:
    """The same figure printed bare and then with a bound, or twice with different bounds one of them bare, for the
    same thing: the works a title names by their size ("10万平方米老旧小区改造项目"), or the same words before both.
    "新建幼儿园3所，改扩建小学不少于3所" sizes two works, and so does "新建一所小学和一所初中": each figure's own noun
    after its measure word, neither within the other, counts a thing of its own (two figures, not one count of 2 所:
    each school is built and reported on its own), whatever words the short one borrows from the one before."""
    if not (first.value == second.value and not first.each and not second.each
            and unit_key(first.unit) == unit_key(second.unit) and "=" in (first.comparator, second.comparator)):
        return False
    if own_offices(first, second):  # "区医院准备2000元…；中医院准备2000元…": each office's share
        return False
    bare, bound = (first, second) if first.comparator == "=" else (second, first)
    if bare.noun and bound.noun in ("", bare.noun):
        return True
    if bare.noun and bound.noun and bare.noun not in bound.noun and bound.noun not in bare.noun:
        return False
    words, again = _words_before(bare), _words_before(bound)  # "新增就业…，确保新增就业不少于…"
    return bool(words and again) and (words.endswith(again) or again.endswith(words))


def _words_before(mention: Mention) -> str:
    """The words that lead to a figure, less its bound (不少于)."""
    words = re.sub(r"\s+", "", mention.contexts[-1] if mention.contexts else "")
    return next((words[: -len(w)] for w in BOUND_WORDS if words.endswith(w)), words)


def _series(mention: Mention, origin: str) -> Series:
    return Series(unit=mention.unit, stages=mention.stages, texts=list(mention.contexts), statement=mention, origin=origin,
                  nouns=[mention.noun])


def all_dated(line: RawLine, words: str = "") -> bool:
    """Whether the dates in a content's words (`words` where the line has no content: its title's) date all its figures
    ("城镇新增就业2500人，…，年底前完成"): then the last is the task's; a date of one clause among others is that clause's only.
    A figure done every year ("每年定期组织…1场次以上") is due at no one date, and leaves the dates the item's."""
    rest = _without(line.content or words, [text for _, _, text in line.periods[-line.in_words:]])
    return all(EVERY_YEAR_RE.match(m.verbs) for m in find_mentions(rest))


EVERY_YEAR_RE = re.compile(r"\s*每年")


def _without(text: str, clauses: list[str]) -> str:
    """The text less the clauses that a date of their own dates; a sentence before the steps inside it. The clauses
    read months in digits ("十月底前" as 10月底前), and so is the text where they do not match it as printed."""
    if any(clause not in text for clause in clauses):
        text = month_digits(text)
    for _ in range(2):  # a sentence less its steps ("修复道路30公里，年底前全部完成") matches once they are gone
        for clause in sorted(clauses, key=len, reverse=True):
            text = one_mark(re.sub(r"[（(]\s*[）)]", "", text.replace(clause, "")))
    return text.strip(" ，,；;。\n")


def _tidy(text: str) -> str:
    """A checkpoint's words without the separator that led to the next period ("…2家;6月底前…")."""
    return re.sub(r"\s+$", "", text.strip()).rstrip("；;，,、 ")


def units_of(task: RawTask, deadline: date | None, year: int) -> list[Unit]:
    units: list[Unit] = []
    for raw in task.lines:
        previous = units[-1].lines[-1] if units else None
        if previous is not None and raw.row is previous.row and raw.blocks == previous.blocks and raw.periods == previous.periods \
                and len(raw.blocks) <= 1:
            units[-1].lines.append(raw)
            continue
        checkpoints = [(due, label, text) for label, due, text in raw.periods]
        heading = undated = ""
        for block in raw.blocks:
            periods = [(due, label, _tidy(text)) for label, due, text in block.periods]
            if periods and block.undated:  # words before the first period stay with it, undated no more
                periods[0] = (periods[0][0], periods[0][1], block.undated + periods[0][2])
            elif block.undated:
                undated += block.undated
            checkpoints += periods
            heading = block.heading if len(raw.blocks) == 1 else heading
        heading = heading or raw.item
        if undated and not checkpoints and (parts := dated_parts(raw.deadline_text or task.deadline_text or "", year)):
            # the rest: at the deadline; a part's own figure ("6月底前完成10个") is printed in that period only, no
            # figure of the year (tests/data/tables/README.md, "Quarters' figures…"): its date, not its words
            checkpoints += [(due, label, label) for label, due, _ in parts[:-1]]
        worded = raw.in_words and len(checkpoints) == raw.in_words and (raw.deadline or deadline) and not undated
        if (not checkpoints or worded) and (raw.deadline or deadline) and not undated:
            raw.deadline_only = True  # dates in the content's words date their clauses; the rest is due at the deadline
            steps = [t for _, _, t in checkpoints]
            checkpoints += [(due, label, _without(text, steps) or ("" if term_days(label) else label))
                            for due, label, text in _deadline_checkpoints(task, raw, deadline, year)]
            if raw.titled and (rest := _without(raw.titled, steps)):  # the title's figures less its steps: due then
                due, label, text = checkpoints[-1]
                checkpoints[-1] = (due, label, rest if text == label else text if rest in text else f"{text}；{rest}")
        if raw.start and raw.start[1].year >= year and all(raw.start[1] < due for due, _, _ in checkpoints):
            checkpoints.append((raw.start[1], raw.start[0], "开工"))  # a 开工时间 column: when the work starts, this year
        merged: dict[date, tuple[str, str]] = {}
        for due, label, text in sorted(checkpoints, key=lambda c: c[0]):
            if due in merged:
                old_label, old_text = merged[due]  # "第四季度前完成3条" and the deadline's "治理河道5条": two clauses
                merged[due] = (old_label, old_text + ("；" if old_text and text and old_text[-1] not in "；;。，,\n" else "") + text)
            else:
                merged[due] = (label, text)
        dated = [(d, lab, t) for d, (lab, t) in merged.items()]
        if raw.deadline_only and len(dated) == 1 and _shares_item(units[-1] if units else None, raw):
            _join_rows(units[-1], raw, dated)
            continue
        units.append(Unit(lines=[raw], checkpoints=dated, heading=heading, undated=undated))
    return units


def _item_text(raw: RawLine) -> str:
    """What a row's sub-item is known by: the lines of its words that print figures (a content cell merged down,
    beside a 子项目 of each row's own), or all its words when none does."""
    text = raw.item or raw.content
    return "\n".join(line for line in text.split("\n") if find_mentions(line)) or text


def _shares_item(unit: Unit | None, raw: RawLine) -> bool:
    """A row under the same sub-item as the unit's rows (its 工作任务 cell merged down over them), dated on its own:
    each row is one unit's or one date's part of the same work, not a second reading of its figures."""
    return unit is not None and bool(_item_text(raw)) and all(
        line.deadline_only and line.row is not raw.row and _item_text(line) == _item_text(raw) and line.amount == raw.amount
        for line in unit.lines) \
        and len(unit.checkpoints) == 1 and not unit.undated


def _join_rows(unit: Unit, raw: RawLine, dated: list[tuple[date, str, str]]) -> None:
    """The row joins the unit as a line with its own date; the sub-item's figures are due at the latest of the rows'
    dates (the unit's checkpoint), held by that row's line; the earlier dates are checkpoints in words."""
    if not unit.own:
        unit.own = [list(unit.checkpoints)]
    unit.lines.append(raw)
    unit.own.append(dated)
    if dated[0][0] > unit.checkpoints[0][0]:
        unit.checkpoints, unit.holder = dated, len(unit.lines) - 1


def _amount_series(text: str, amount: tuple[str, str], origin: str, year: int, words: str = "") -> list[Series]:
    """The target of a 目标任务 + 单位 pair ("新建幼儿园", "10", "所"); none when the text prints that figure itself.
    A bare figure with no 单位 that the task's words print once with a unit ("城镇新增就业1100人" beside 1100) is
    that mention: its unit and its name are the words'."""
    mention = stated(text, *amount) if amount[0] and text else None
    if mention is None or any((m.value, unit_key(m.unit)) == (mention.value, unit_key(mention.unit)) for m in find_mentions(text, year)):
        return []
    if not mention.unit and not amount[1].strip():
        same = [m for m in find_mentions(words or text, year) if m.unit and m.value == mention.value]
        if len(same) == 1:
            mention = same[0]
    return [Series(unit=mention.unit, stages=mention.stages, texts=list(mention.contexts), statement=mention, origin=origin,
                   nouns=[mention.noun])]


# a header of planning words and a measure only (计划完成数（个）, 目标任务数（座）, 任务目标): it names no thing counted
PLANNING_HEADER_RE = re.compile(r"^(?:年度|全年|本年|当年)?(?:计划|目标|任务|完成|预期|指标)+(?:总?数量?|总量|值)?$")
PLACE_NAME_RE = re.compile(PLACE_NAME)  # a row per city (长沙市, 湘西州): vocabulary.PLACE_NAME


def _named_by_item(one: Series, header: str, words: str) -> Series:
    """A target column's figure named by the item's own words where the column's name, its measure left off, names no
    thing counted ("计划完成数（个）" beside 改造老旧小区 20: 改造老旧小区); by the column's whole name where the item is
    a place (a row per city: 计划完成数, never "数" nor 长沙市); else by the column's name as read."""
    header = re.sub(r"\s+", "", header)
    if one.statement is None or not PLANNING_HEADER_RE.match(header):
        return one
    item = cut_name(clean_name(words))
    name = header if PLACE_NAME_RE.fullmatch(item) or len(content_words(item)) < 2 else item
    one.statement.name, one.statement.noun = name, content_words(name)
    one.nouns = [one.statement.noun]
    return one


def _shares_beside(amounts: list[Series], text: str, origin: str, year: int) -> list[Series]:
    """A share the words set beside a target column's count ("提高公办学位占比至95%以上" beside 600 个), or a count
    in the brackets that close them beside a column in another unit ("…配电网改造(37个村)" beside 5900 万元): a
    target too, as the column gives none such ("(共3项)" counts items, not a target)."""
    if not amounts or not text:
        return []
    statements = _statements(text, origin, year)
    shares = [] if any(unit_key(one.unit) == "%" for one in amounts) else [one for one in statements if unit_key(one.unit) == "%"]
    bracket = re.search(r"[（(]([^（）()]*)[）)]\s*$", text.split("\n")[0])  # "(37个村)" closing the words
    inside = {(m.value, unit_key(m.unit)) for m in find_mentions(bracket[1], year)} if bracket and all(a.unit for a in amounts) else set()
    counts = [one for one in statements if (one.statement.value, unit_key(one.unit)) in inside
              and unit_key(one.unit) not in ("%", "项") and all(unit_factor(one.unit, a.unit) == 0 for a in amounts)]
    return shares + counts  # beside 5900 万元, a count the column does not give


START_WORDS = ("开工", "动工", "启动", "开建", "开始")


def names_start(text: str | None) -> bool:
    """A 完成时限 that dates the start of the work ("6月底前开工"), not its completion."""
    parts = [p for p in re.split(r"[；;]", text or "") if p.strip()]  # a registration form's dates, one a sub-item
    return bool(parts) and all(any(w in p for w in START_WORDS) and not any(w in p for w in ("完工", "竣工", "完成", "建成"))
                               for p in parts)


def _deadline_checkpoints(task: RawTask, raw: RawLine, deadline: date, year: int) -> list[tuple[date, str, str]]:
    """A line with only a 完成时限: one checkpoint at its own date (a sub-item's) or the task's, or one per
    numbered date in the cell ("1. 2024年5月 2. 2024年9月"), each with the numbered item it dates."""
    label = raw.deadline_text or task.deadline_text or ""
    text = raw.item or task.content or ("" if term_days(label) else label)  # "15天": a term, no figure of the work
    if dates := numbered_deadlines(label, year):
        items = numbered_parts(text)
        if len(items) != len(dates):  # else the text's sentences, when there are as many: "…22所…;…幼儿园…。"
            items = [c.strip() for c in re.split(r"[；;。]", text) if c.strip()]
        if len(items) == len(dates):  # each date the work it names ("3、钟楼…10月1日前"), else the one in its place
            items = [items[j] for j in works_named([part for part, _ in dates], items)]
        else:
            if len(items) > 1 and text != label:
                _works_not_as_many(task, raw, len(dates), len(items))
            items = [part for part, _ in dates]
        return _budget_at_the_end([(due, part, item) for (part, due), item in zip(dates, items, strict=True)])
    if parts := dated_parts(label, year):  # "6月底前开工，11月底前完工": each date its words; the work is due at the last
        *earlier, (last_label, last_due, last_words) = parts
        done = text if text != label else last_words
        if last_words and text != label:
            done = f"{text}；{last_words}"
        return [(due, part, words or part) for part, due, words in earlier] + [(last_due, last_label, done or last_label)]
    if dates := outlet_dates(label, year):  # "县报，5月15日；县电视台，5月8日至5月12日": each date a checkpoint, the last the work's
        *earlier, (last_label, last_due, _) = dates
        return [(due, part, words) for part, due, words in earlier] + [(last_due, last_label, text)]
    # "4月10日至4月25日": the work starts on the span's first day, is due on its second: a start by the 开工时间 rule (this
    # year, before its due); an event's span (spans.EVENT_SPAN_HEADER) is the days it runs, no start of work
    event = re.sub(r"\s+", "", str(task.headers.get("deadline", ""))) == EVENT_SPAN_HEADER  # "活动起止\n时间" as well
    if not raw.start and not event and (start := span_start(label, year)):
        raw.start = (start[1], start[0])
    return [(raw.deadline or deadline, label, text)]


def _works_not_as_many(task: RawTask, raw: RawLine, dates: int, works: int) -> None:
    """Numbered dates that are not as many as the works the content lists: which work is due when is the reader's
    guess (each checkpoint keeps its date's own words), a person checks it."""
    why = Message("{dates} numbered dates for {works} works in the content: each checkpoint holds its date's own words; "
                  "check which work is due when", dates=dates, works=works)
    if (raw.row.number, task.headers.get("deadline", ""), why) not in task.doubts:
        task.doubts.append((raw.row.number, task.headers.get("deadline", ""), why))


BUDGET_RE = re.compile(r"^\s*(?:计划投资|总投资|概算|预算|估算)")


def _budget_at_the_end(dated: list[tuple[date, str, str]]) -> list[tuple[date, str, str]]:
    """A budget in a clause that a date of its own dates ("计划投资1067万元,完成22所…" beside "1.2021年8月") is the
    task's, spent by its last date: the clause's work is due then, not the money."""
    last = max(range(len(dated)), key=lambda k: dated[k][0])
    moved = []
    for k, (due, label, text) in enumerate(dated):
        parts = [p.replace("\x00", ",") for p in re.split(r"[，,]", protect_commas(text))]  # "1,067万元": one clause
        budget = [p for p in parts if BUDGET_RE.match(p)]
        if k != last and budget and len(budget) < len(parts):
            dated[k] = (due, label, "，".join(p for p in parts if not BUDGET_RE.match(p)))
            moved += budget
    if moved:
        due, label, text = dated[last]
        dated[last] = (due, label, f"{text}；{'，'.join(moved)}")
    return dated


def _printed(number: str, text: str, unit: str = "") -> bool:
    """A column's figure that the task's words print ("预算600万元" beside 600, or beside 600 under 投资(万元)): the
    words' figure, read with their unit, not a second target."""
    return bool(number.strip()) and re.search(rf"(?<![\d.]){re.escape(number.strip())}(?![\d.])\s*{re.escape(unit)}", text) is not None


VERB_DONE_RE = re.compile(r"(?:在[^完]{2,14}前)?完成(?P<verb>[\u4e00-\u9fff]{2,4})")


BARE_DONE_RE = re.compile(r"(?:完工|竣工|建成|完成)")  # "7月完工": a completion naming nothing, its subject the step's before
STARTED_SUBJECT_RE = re.compile(rf"^(?P<subject>[\u4e00-\u9fff]{{2,8}}?)(?:{'|'.join(START_VERBS)})")  # "泵站改造开工"


def _started_then_done(unit: Unit) -> None:
    """"泵站改造3月开工,7月完工": a bare completion right after a step starting a subject completes that subject, and
    the figures whose words name it ("…4座泵站改造") are due in full by then."""
    for (_, _, before), (due, label, text) in zip(unit.checkpoints, unit.checkpoints[1:], strict=False):
        m = STARTED_SUBJECT_RE.match(before.strip())
        if not m or not BARE_DONE_RE.fullmatch(text.strip(" ,，。.；;")):
            continue
        for one in unit.series:
            if one.statement and any(m["subject"] in t for t in one.texts) and not any(d == due for d, _, _ in one.points):
                one.points.append((due, label, one.statement))
                one.points.sort(key=lambda p: p[0])


# "三季度全部开工", "6月底前全面开工": a dated start of the whole, no figure of its own
ALL_STARTED_RE = re.compile(rf"[^，,；;。\d]{{2,8}}?(?:前|末)?\s*(?:全部|全面)\s*(?:{'|'.join(START_VERBS)})\s*[。.；;]?")


def _all_started_by(unit: Unit) -> None:
    """"改造老旧小区30个，…三季度全部开工": a date by which the whole is started, no figure printed, is a start
    checkpoint at the year's full figure (the README's cumulative number due by then), for a figure of the whole work
    or of starts; a figure of things done ("新建学校3所") counts no starts, and a last step read as the target
    ("上半年累计开工20个，三季度全部开工") does not say how many there are in all."""
    for due, _, text in unit.checkpoints:
        if not ALL_STARTED_RE.fullmatch(text.strip()):
            continue
        for one in unit.series:
            if one.origin == "title" and one.statement and not opens_with_date(one.statement) \
                    and series_stage(one) in (None, "started") \
                    and not any(d == due for d, _, _ in one.points) and due not in one.all_started:
                one.all_started.append(due)


def _verb_completions(unit: Unit) -> None:
    """"在11月份前完成改造", a date with a verb and no figure: the title's targets that the verb does ("改加装电梯10台")
    are due in full by then."""
    for due, label, text in unit.checkpoints:
        m = VERB_DONE_RE.fullmatch(text.strip(" 。.；;"))
        if not m:
            continue
        for one in unit.series:
            if one.origin == "title" and one.statement and m["verb"][0] in one.statement.verbs \
                    and not any(d == due for d, _, _ in one.points):
                one.points.append((due, label, one.statement))
                one.points.sort(key=lambda p: p[0])


def read_numbers(raw: RawTask, units: list[Unit], deadline: date | None, year: int, summary: list[Message]) -> None:
    """Match each unit's schedule numbers to the title's and heading's targets; mark what "全面完成" completes."""
    content = "\n".join(numbered_parts(raw.content)) or raw.content  # "1. 改造县道10公里 2. 新建桥梁2座": one target a line
    title_text = raw.title + ("\n" + content if content else "")
    if lists_problems(raw.headers.get("task", "")):  # a ledger's problems found: their figures are no targets
        title_text = content
    figures = {id(line.row): line.amount for line in raw.lines if not line.item and line.amount[0]}
    per_row = len(set(figures.values())) > 1  # rows under one merged item, each with a figure of its own: each row's
    amounts = [] if per_row else [s for line in raw.lines if not line.item
                                  for s in _amount_series(raw.title, line.amount, "title", year, title_text)]
    measured_of = [(line, _named_by_item(s, name, line.item or raw.title)) for line in raw.lines
                   for name, number, unit in line.measured if not _printed(number, title_text, unit)
                   for s in _amount_series(name, (number, unit), "heading" if line.item else "title", year)]
    measured = [s for _, s in measured_of]
    title_filled = False
    until = deadline.year if deadline else None  # "到2025年6月新增学位3000个" due 2025年6月: the item's own target
    for k, unit in enumerate(units):
        own = [s for r in unit.lines[:1] if r.item for s in _amount_series(r.item, r.amount, "heading", year)]
        own += _shares_beside(own, unit.lines[0].item, "heading", year)
        if not any(r.item and r.amount[0] for r in unit.lines[:1]):  # a 目标任务 cell states the sub-item's target
            own = _statements(unit.heading, "heading", year, raw.own_places, until, raw.named_counts) if unit.heading else []
        if per_row:  # "甲镇 8座 9月 / 乙镇 7座 10月" under 新建农村公厕: the row's figure, due at the row's date
            own += [s for r in unit.lines[:1] if not r.item for s in _amount_series(raw.title, r.amount, "heading", year, title_text)]
        titles = amounts + _shares_beside(amounts, title_text, "title", year) if amounts \
            else _statements(title_text, "title", year, raw.own_places, until, raw.named_counts)
        titles = titles if not per_row or k == 0 else []  # the words' own figures, once
        # a target column states the targets: each row's figure in its own unit's, once (a 登记表's rows under one
        # merged item each print theirs: never every row's figure again in every row's unit)
        unit.series = own + titles + [s for line, s in measured_of if any(line is mine for mine in unit.lines)]
        deadline_only = unit.lines[0].deadline_only
        starts = deadline_only and names_start(raw.deadline_text)  # "5月底前动工" is when work starts
        if starts:
            summary.append(Message("task {code}: 完成时限 “{deadline}” names a start, not a completion; "
                                   "its targets are kept without milestones", code=raw.code, deadline=raw.deadline_text))
        unit.leftovers = [] if starts else assign(unit.series, unit.checkpoints, year)
        unit.leftovers = join_month_plan_figures(unit.series, unit.leftovers, month_plan_dates(unit))
        month_amounts(unit.series, month_plan_dates(unit), [cell for r in unit.lines for _, cell in r.reported], year)
        _verb_completions(unit)
        _started_then_done(unit)
        _all_started_by(unit)
        if not unit.checkpoints:
            continue
        final_due, _, final_text = unit.checkpoints[-1]
        scope = [s for s in unit.series if s.origin == "heading"] or [s for s in unit.series if s.origin == "title"]
        says_done = (deadline_only and not starts) or bool(COMPLETE_RE.search(final_text)) \
            or (len(unit.checkpoints) == 1 and not final_text.strip())  # a schedule that names one date and no words
        if scope and scope[0].origin == "title" and title_filled and not deadline_only:
            says_done = False  # the title's targets are completed once, not once per sub-project
        undated_item = bool(unit.lines[0].item) and raw.deadline is None  # a sub-row's figure with no date printed: the year's
        for one in scope:
            due = final_due if says_done else deadline if one.origin == "heading" and not undated_item else None
            if due and not any(d >= due for d, _, _ in one.points) and not (deadline_only and one.points):
                one.filled = due  # "全面完成目标任务"; a sub-project's own figure is due when the task is
                title_filled = title_filled or one.origin == "title"
        for one in unit.series:  # a share of the work that reaches 100% is done: it stays done
            if is_level(one) and one.statement is None and one.points and one.points[-1][2].value == 100 \
                    and one.points[-1][0] < final_due and says_done:
                one.filled = final_due
    for one in measured:  # a column of the year's figure (年度投资): due by the year's end, whenever the work is done
        if one.filled and one.filled > date(year, 12, 31):
            one.filled = date(year, 12, 31)


def month_plan_dates(unit: Unit) -> set[date]:
    """The dates of the unit's one-month plans (本月计划, 3月目标, 下月计划)."""
    return {due for raw in unit.lines for block in raw.blocks if block.partial for _, due, _ in block.periods}
