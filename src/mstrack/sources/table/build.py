"""A raw task assembled into a plan task: its lines, checkpoints, indicators and milestones."""

from __future__ import annotations

import re
from datetime import date

from mstrack.domain import unique
from mstrack.errors import Message
from mstrack.model import Checkpoint, Indicator, Line, Milestone, Task, TaskText
from mstrack.sources.rows import clip
from mstrack.sources.table.doubts import Doubt, task_doubts
from mstrack.sources.table.figures import Unit, all_dated, month_plan_dates, names_start, read_numbers, units_of
from mstrack.sources.table.likeness import opening_office, similarity, word_pairs
from mstrack.sources.table.mentions import COMPLETE_RE, Mention, find_mentions
from mstrack.sources.table.numbers import unit_factor, unit_key
from mstrack.sources.table.raw import RawLine, RawTask
from mstrack.sources.table.schedule import starts_apart
from mstrack.sources.table.series import Series, is_level, milestones_of, month_plan_only, work_progress
from mstrack.sources.table.spans import YEARS_ALONE_RE
from mstrack.sources.table.steps import bare_step


def _horizon_only(line: RawLine, year: int) -> bool:
    """Whether a line's only dates are a later year's horizon ("…达标率达到100%，到2025年，实现…基本补齐" in a plan of
    2023): the item is due then, its undated figures too (the readings' convention, tests/data/tables/README.md)."""
    return len(line.periods) == line.in_words and all(due.year > year and (due.month, due.day) == (12, 31)
                                                      for _, due, _ in line.periods)


def build_task(raw: RawTask, year: int, summary: list[Message], doubts: list[Doubt] | None = None) -> Task:
    """Read the numbers of one task: indicators from the title, milestones from the schedule."""
    # a month of a plan for the month is a checkpoint; it is the deadline only where it says the task is done
    latest = [due for line in raw.lines for block in line.blocks for _, due, text in block.periods
              if not block.partial or COMPLETE_RE.search(text)]
    latest += [due for line in raw.lines for _, due, _ in line.periods[:len(line.periods) - line.in_words]]
    if not any(line.item and not line.periods and not line.blocks for line in raw.lines):  # a part of no date of its own
        # is due when the task is: a dated part's date is that part's checkpoint, not the task's deadline
        latest += [due for line in raw.lines if line.in_words and (all_dated(line, line.item or raw.title)
                                                                    or _horizon_only(line, year))
                   for _, due, _ in line.periods[-line.in_words:]]
    deadline = raw.deadline or (max(latest) if latest else None)
    if names_start(raw.deadline_text) and not latest:
        deadline = None  # "6月底前开工": a start checkpoint, not the date the task is done
    if raw.deadline_text and raw.deadline is None:
        summary.append(Message("task {code}: 完成时限 “{deadline}” names no date; kept as deadline_text", code=raw.code,
                               deadline=clip(raw.deadline_text)))
    units = units_of(raw, deadline, year)
    read_numbers(raw, units, deadline, year, summary)
    task = Task(code=raw.code, title=raw.title, area=raw.area, deadline=deadline,
                text=TaskText(deadline_text=raw.deadline_text, progress=raw.progress or None))
    lines: list[Line] = []
    placed: list[tuple[Series, Indicator]] = []
    spare: list[tuple[Line, Series]] = []
    for unit in units:
        dates = unit.own or [unit.checkpoints] * len(unit.lines)  # each row's own dates, or the unit's for all
        unit_lines = [Line(leaders=r.leaders, lead_units=r.lead_units, units=r.units,
                           checkpoints=[Checkpoint(due=d, label=lab, text=t) for d, lab, t in own])
                      for r, own in zip(unit.lines, dates, strict=True)]
        if unit.undated:
            _add_undated(raw.code, unit.undated, unit_lines, deadline or date(year, 12, 31), summary)
        lines.extend(unit_lines)
        _place_series(raw.code, unit, unit_lines, placed, spare, summary, year)
    _place_spare_targets(raw.code, spare, placed, summary)
    _unique_names(lines)
    for line in lines:
        if len(line.checkpoints) == 1 and _restates_deadline(line.checkpoints[0], deadline):
            line.checkpoints = []
    task.lines = lines
    task.note = _task_note(raw, units)
    if doubts is not None:
        doubts.extend(task_doubts(raw, task, units, year))
    task.lines = [*lines, *(start for line in lines for start in starts_apart(line))]  # after the rows' own lines, as
    # the progress columns and the doubts pair the task's lines with its rows
    if not any(line.indicators for line in lines):
        summary.append(Message("task {code}: no quantity read; a text-only task judged by its checkpoints", code=raw.code))
    return task


def _restates_deadline(checkpoint: Checkpoint, deadline: date | None) -> bool:
    """A line's one checkpoint that is the task's deadline again in the same words: a span column's "2015-2017" with
    nothing of the work under it (an empty 进度 beside it), due at its end, the deadline the span gives the task (wrong52).
    A line without checkpoints is judged at its deadline, so nothing is lost; words of the work ("2017年完工") keep it,
    and so does a schedule of several dates (the last of "2024年5月", "2024年9月", "2024年12月" is one of its steps) and a
    完成时限's own date ("2024年9月底前": the date the office named, kept as the line's checkpoint)."""
    words = re.sub(r"\s+", "", checkpoint.text or "")
    return deadline is not None and checkpoint.due == deadline and YEARS_ALONE_RE.match(words) is not None \
        and words == re.sub(r"\s+", "", checkpoint.label or "")


def _add_undated(code: str, undated: str, lines: list[Line], at: date, summary: list[Message]) -> None:
    """Schedule text before any period is due at the deadline (else the programme's end, the format's default)."""
    for line in lines:
        same = [cp for cp in line.checkpoints if cp.due == at]
        if same:
            same[0].text = undated + same[0].text
        else:
            line.checkpoints = sorted([*line.checkpoints, Checkpoint(due=at, label="", text=undated)], key=lambda cp: cp.due)
    if find_mentions(undated):
        summary.append(Message("task {code}: undated schedule text “{text}”: its numbers are left as text", code=code,
                               text=clip(undated)))


def _place_series(code: str, unit: Unit, lines: list[Line], placed: list[tuple[Series, Indicator]], spare: list[tuple[Line, Series]],
                  summary: list[Message], year: int) -> None:
    """A unit's series as indicators on its best line; a title's target without milestones waits in `spare`."""
    last_due = unit.checkpoints[-1][0] if unit.checkpoints else None
    prefix = _heading_prefix(unit)
    planned = month_plan_dates(unit)
    goals = {due for raw in unit.lines for block in raw.blocks if block.month_goal for _, due, _ in block.periods}
    figures = {unit_key(one.unit) for one in unit.series if one.statement is not None}
    for one in unit.series:
        if month_plan_only(one, planned) and work_progress(one):
            continue
        indicator = _indicator(one, last_due, code, summary, figures)
        if indicator is None:
            continue
        if one.statement is None and one.points and all(due in goals for due, _, _ in one.points):
            indicator.target = None  # the month's goals (月度目标要求 of a ledger for 11月): checkpoints, not the year's target
        if _later_goal(indicator, unit, year):
            # "2017年…；到2020年，…达到75%" in a plan of 2016: one of the item's dated goals, a later year's checkpoint, no
            # target of 2016 (a later year's figure that is the item's one date, its deadline, stays its target)
            indicator.target = None
        if prefix and one.origin == "checkpoint" and prefix not in indicator.name:
            indicator.name = (prefix + indicator.name)[:30]
        line = _best_line(lines, unit.lines, one, unit.holder)
        if one.origin == "title" and not one.points and not one.filled:
            spare.append((line, one))
            continue
        if one.origin == "title" and not one.points and _placed_title(one, placed):
            continue  # the task's one figure restated by a part's row, no number of the row's own: never a copy
        line.indicators.append(indicator)
        placed.append((one, indicator))
    for due, label, mention in unit.leftovers:
        if not any(one.points and one.points[0][2] is mention and _kept(one, last_due, figures)
                   and not (month_plan_only(one, planned) and work_progress(one)) for one in unit.series):
            summary.append(Message("task {code}, {due}: “{text}” not placed on an indicator; left as checkpoint text",
                                   code=code, due=label or due.isoformat(), text=clip(mention.excerpt)))


def _later_goal(indicator: Indicator, unit: Unit, year: int) -> bool:
    """Whether an indicator's figure is due in a later year than the programme's only, after an earlier date of its
    item: all its milestones are later, their last the figure itself, and the item names an earlier date."""
    dues = [m.due for m in indicator.milestones]
    return bool(dues) and min(dues).year > year and any(due < min(dues) for due, _, _ in unit.checkpoints) \
        and indicator.target in (None, indicator.milestones[-1].target)


def _placed_title(one: Series, placed: list[tuple[Series, Indicator]]) -> bool:
    """Whether a title's figure already became an indicator on an earlier row of the task (the item's words read again
    by each row of its parts): printed once, it is one target (_printed_once). A row whose own numbers reach it (its
    schedule's share of the figure) holds a series of its own, not a copy."""
    key = _printed_once(one.statement)
    return any(other.origin == "title" and _printed_once(other.statement) == key for other, _ in placed)


def _task_note(raw: RawTask, units: list[Unit]) -> str | None:
    notes = unique(raw.notes)
    if raw.content and not any(u.lines[0].deadline_only for u in units):
        # the content column, kept where no checkpoint carries it; the programme's year's column ("2024年" beside
        # "2025年") under its year, as the other years' are
        notes.insert(0, f"{raw.content_label}：{raw.content}")
    headings = [f"第{i + 1}行：{u.heading}" for i, u in enumerate(units) if u.heading and len(units) > 1]
    if headings:
        notes.append("按单元格内分项拆行：" + "；".join(headings))
    return "\n".join(notes) or None


def _heading_prefix(unit: Unit) -> str:
    """Names of a sub-project's numbers start with the sub-project: "松山湖水厂" + "土建"."""
    heading = re.sub(r"^[（(]\s*\d+\s*[）)]", "", unit.heading).strip(" ：:。")
    heading = re.sub(r"方面$", "", heading)
    if not heading or len(heading) > 20 or re.search(r"[，,。；;]", heading) or find_mentions(heading) \
            or any(heading == u for r in unit.lines for u in r.lead_units):
        return ""
    return heading


def _place_spare_targets(code: str, spare: list[tuple[Line, Series]], placed: list[tuple[Series, Indicator]],
                         summary: list[Message]) -> None:
    """A title target no checkpoint reached: it names a series read from the cells when their figures agree, or is kept
    as a target without milestones, said by its doubt alone (a target with no date), not by the summary too."""
    seen = {_printed_once(one.statement) for one, _ in placed if one.origin == "title"}
    for line, one in spare:
        key = _printed_once(one.statement)
        if key in seen:
            continue
        seen.add(key)
        twin = None
        for other, indicator in placed:
            if other.origin == "title" or not indicator.milestones or unit_factor(one.unit, indicator.unit) == 0:
                continue
            if indicator.milestones[-1].target != one.statement.value or indicator.target not in (None, one.statement.value):
                continue
            alike = max(similarity(a, b) for a in one.texts for b in other.texts) >= 0.15 \
                or any(word_pairs(n) & word_pairs(one.statement.noun or one.statement.name) for n in other.nouns if n)
            same_unit = [i for o, i in placed if o.origin != "title" and unit_key(i.unit) == unit_key(one.unit)]
            last = all(i is indicator or i.milestones and i.milestones[-1].due < indicator.milestones[-1].due for i in same_unit)
            if alike or (unit_key(indicator.unit) == unit_key(one.unit) and last):  # the only count, or the one that
                # reaches the target last ("开工6个、开工12个、完工12个" beside 改造12个: the 完工)
                twin = indicator
                break
        if twin is not None:
            if other.origin == "checkpoint":
                twin.name, twin.text = one.statement.name, one.statement.excerpt
                twin.comparator, twin.target = one.statement.comparator, one.statement.value
            continue
        line.indicators.append(_indicator(one, None, code, summary))  # said once, as its doubt (doubts.py: no date)


def _printed_once(statement: Mention) -> tuple[str, str]:
    """A title's figure is one target however often it is matched; one printed for each of several things (均) is one each."""
    return statement.excerpt, statement.name if statement.each else ""


def _kept(one: Series, last_due: date | None, figures: set[str] = frozenset()) -> bool:
    """A number is placed when it has a printed target, recurs, is a share, says 累计, or is the year-end figure. A bare
    step left beside a figure of the year in its unit (`figures`: their unit keys) is not kept for its 全部 / 累计: "新建
    污水处理站4座，6月底前全部开工4座" starts the whole of that figure, checkpoint text, as "…开工4座" is."""
    total = one.points[0][2].total and not (unit_key(one.unit) in figures and bare_step(one.points[0][2]))
    return one.statement is not None or len(one.points) >= 2 or unit_key(one.unit) == "%" or total \
        or (last_due is not None and one.points[-1][0] == last_due)


def _indicator(one: Series, last_due: date | None, code: str, summary: list[Message],
               figures: set[str] = frozenset()) -> Indicator | None:
    """A series becomes an indicator when it has a printed target, a run of numbers, a share, or a year-end figure."""
    if one.statement is None and not _kept(one, last_due, figures):
        return None
    milestones, reading, increments = milestones_of(one)
    if one.filled:
        value = one.statement.value if one.statement else one.points[-1][2].value
        milestones.append(Milestone(due=one.filled, target=value))
        reading = None  # the completed target is a total: per-period amounts keep their `printed`
    if one.all_started:  # "三季度全部开工": the whole figure by then, a total, in date order
        full = one.statement.value
        milestones = sorted(milestones + [Milestone(due=d, target=full) for d in one.all_started
                                          if not any(m.due == d for m in milestones)], key=lambda m: m.due)
    first = one.statement or one.points[0][2]
    last = one.points[-1][2] if one.points else first
    target = None
    if one.statement is not None:
        target = one.statement.value
    elif one.points and one.points[-1][0] == last_due and (not increments or (len(one.points) - 1) not in increments):
        target = one.points[-1][2].value
    elif is_level(one) and one.points and one.points[-1][2].value == 100:
        target = 100
    if increments:
        printed = ", ".join(str(one.points[k][2].value) for k in increments)
        totals = ", ".join(str(m.target) for m in milestones)
        if len(increments) == len(one.points):
            summary.append(Message("task {code}: “{name}” read as per-period amounts ({printed}); milestones are running "
                                   "totals ({totals})", code=code, name=clip(first.name), printed=printed, totals=totals))
        elif summed := [one.points[k][2].value for k in increments if k > 0]:  # say which were summed: the first
            # figure has no total before it, so it reads the same either way ("…10月底前建成20座" before the year's 20)
            summary.append(Message("task {code}: “{name}” read {printed} as per-period amounts added to the total before "
                                   "them, the other figures as printed running totals; milestones are running totals "
                                   "({totals})", code=code, name=clip(first.name), printed=", ".join(map(str, summed)),
                                   totals=totals))
    return Indicator(
        name=first.name, unit=first.unit, comparator=(one.statement or last).comparator, target=target,
        text=first.excerpt if one.statement else last.excerpt, reading=reading, milestones=milestones,
    )


def _best_line(lines: list[Line], raws: list[RawLine], one: Series, holder: int = 0) -> Line:
    if len(lines) == 1:
        return lines[0]
    scores = [max(similarity(r.scope, t) for t in one.texts) if r.scope else 0.0 for r in raws]
    return lines[scores.index(max(scores))] if max(scores) > 0 else lines[holder]


def _unique_names(lines: list[Line]) -> None:
    """Names are unique in a task. Indicators of one name are told apart by what distinguishes them, not by their
    order, so that a revised document that drops one does not hand its name to another (F1c, safety49): parts of
    two wholes ("…竣工3个,其中幼儿园7个…;增加学位5000个,其中幼儿园420个") by their whole's noun, 幼儿园（竣工） and
    幼儿园（学位）; figures in two units by their unit, 幼儿园（所） and 幼儿园（个）; two offices' shares by the office,
    药品（区医院） and 药品（中医院）. Only when these do not tell them
    apart is the second "新增学位" "新增学位（2）"."""
    indicators = [i for line in lines for i in line.indicators]
    groups: dict[str, list[int]] = {}
    for k, indicator in enumerate(indicators):
        groups.setdefault(indicator.name, []).append(k)
    named = {k: f"{indicators[k].name}（{q}）" for ks in groups.values() if len(ks) > 1
             for k, q in zip(ks, _apart(indicators, ks), strict=True) if q}
    taken: set[str] = {indicators[k].name for ks in groups.values() for k in ks[:1] if k not in named} | set(named.values())
    for k, indicator in enumerate(indicators):
        if k in named:
            indicator.name = named[k]
            continue
        if groups[indicator.name][0] == k:
            continue
        name, n = indicator.name, 1
        while name in taken:
            n += 1
            name = f"{indicator.name}（{n}）"
        indicator.name = name
        taken.add(name)


PART_RE = re.compile(r"^\s*[（(]?\s*(?:其中|含|包括|包含)")  # "其中幼儿园420个": a part of the figure before it


def _apart(indicators: list[Indicator], ks: list[int]) -> list[str]:
    """What tells indicators of one name apart: their units when each has its own, else, when each is a part
    (其中…) of another whole, the head noun of that whole's name, else the office each one's words open with (two
    offices' shares, likeness.own_offices); [""] * n when none does."""
    from mstrack.sources.table.progress_figures import head

    units = [indicators[k].unit for k in ks]
    if all(units) and len(set(units)) == len(units):
        return units
    wholes = []
    for k in ks:
        whole = next((i for i in reversed(indicators[:k]) if not PART_RE.match(i.text)), None)
        wholes.append(head(whole.name) if whole is not None and PART_RE.match(indicators[k].text) else "")
    if all(wholes) and len(set(wholes)) == len(wholes):
        return wholes
    offices = [opening_office(indicators[k].text) for k in ks]  # "区医院准备2000元…", "中医院准备2000元…": each office's
    if all(offices) and len(set(offices)) == len(offices):
        return offices
    return [""] * len(ks)


