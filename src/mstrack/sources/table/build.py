"""A raw task assembled into a plan task: its lines, checkpoints, indicators and milestones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from mstrack.errors import Message
from mstrack.model import Checkpoint, Indicator, Line, Milestone, Task, TaskText
from mstrack.sources.table.mentions import COMPLETE_RE, Mention, find_mentions, similarity, stages_in, unit_factor, unit_key, word_pairs
from mstrack.sources.table.series import Series, assign, is_level, milestones_of
from mstrack.sources.table.tasks import RawLine, RawTask


@dataclass(kw_only=True)
class Unit:
    """Lines that share one schedule (a cell listing several lead units): numbers are read once."""

    lines: list[RawLine]
    checkpoints: list[tuple[date, str, str]]  # (due, label, text)
    heading: str = ""
    undated: str = ""
    series: list[Series] = field(default_factory=list)
    leftovers: list[tuple[date, str, Mention]] = field(default_factory=list)


def _statements(text: str, origin: str) -> list[Series]:
    result = []
    for mention in find_mentions(text):
        result.append(Series(unit=mention.unit, stages=mention.stages, texts=list(mention.contexts), statement=mention, origin=origin,
                             nouns=[mention.noun]))
    return result


def _tidy(text: str) -> str:
    """A checkpoint's words without the separator that led to the next period ("…2家;6月底前…")."""
    return re.sub(r"\s+$", "", text.strip()).rstrip("；;，,、 ")


def _units_of(task: RawTask, deadline: date | None) -> list[Unit]:
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
        if not checkpoints and deadline and not undated:
            raw.deadline_only = True
            text = task.content or task.deadline_text or ""
            checkpoints = [(deadline, task.deadline_text or "", text)]
        merged: dict[date, tuple[str, str]] = {}
        for due, label, text in sorted(checkpoints, key=lambda c: c[0]):
            if due in merged:
                old_label, old_text = merged[due]
                merged[due] = (old_label, old_text + text)
            else:
                merged[due] = (label, text)
        units.append(Unit(lines=[raw], checkpoints=[(d, lab, t) for d, (lab, t) in merged.items()], heading=heading, undated=undated))
    return units


def _read_numbers(raw: RawTask, units: list[Unit], deadline: date | None, summary: list[Message]) -> None:
    """Match each unit's schedule numbers to the title's and heading's targets; mark what "全面完成" completes."""
    title_text = raw.title + ("\n" + raw.content if raw.content else "")
    title_filled = False
    for unit in units:
        own = _statements(unit.heading, "heading") if unit.heading else []
        unit.series = own + _statements(title_text, "title")
        deadline_only = unit.lines[0].deadline_only
        starts = deadline_only and bool(stages_in(raw.deadline_text or ""))  # "5月底前动工" is when work starts
        if starts:
            summary.append(Message("task {code}: 完成时限 “{deadline}” names a start, not a completion; "
                                   "its targets are kept without milestones", code=raw.code, deadline=raw.deadline_text))
        unit.leftovers = [] if starts else assign(unit.series, unit.checkpoints)
        if not unit.checkpoints:
            continue
        final_due, _, final_text = unit.checkpoints[-1]
        scope = [s for s in unit.series if s.origin == "heading"] or [s for s in unit.series if s.origin == "title"]
        says_done = (deadline_only and not starts) or bool(COMPLETE_RE.search(final_text))
        if scope and scope[0].origin == "title" and title_filled and not deadline_only:
            says_done = False  # the title's targets are completed once, not once per sub-project
        for one in scope:
            due = final_due if says_done else deadline if one.origin == "heading" else None
            if due and not any(d >= due for d, _, _ in one.points):
                one.filled = due  # "全面完成目标任务"; a sub-project's own figure is due when the task is
                title_filled = title_filled or one.origin == "title"
        for one in unit.series:  # a share of the work that reaches 100% is done: it stays done
            if is_level(one) and one.statement is None and one.points and one.points[-1][2].value == 100 \
                    and one.points[-1][0] < final_due and says_done:
                one.filled = final_due


def build_task(raw: RawTask, year: int, summary: list[Message]) -> Task:
    """Read the numbers of one task: indicators from the title, milestones from the schedule."""
    latest = [due for line in raw.lines for block in line.blocks for _, due, _ in block.periods]
    latest += [due for line in raw.lines for _, due, _ in line.periods]
    deadline = raw.deadline or (max(latest) if latest else None)
    if raw.deadline_text and raw.deadline is None:
        summary.append(Message("task {code}: 完成时限 “{deadline}” names no date; kept as deadline_text", code=raw.code,
                               deadline=_clip(raw.deadline_text)))
    units = _units_of(raw, deadline)
    _read_numbers(raw, units, deadline, summary)
    task = Task(code=raw.code, title=raw.title, area=raw.area, deadline=deadline,
                text=TaskText(deadline_text=raw.deadline_text, progress=raw.progress or None))
    lines: list[Line] = []
    placed: list[tuple[Series, Indicator]] = []
    spare: list[tuple[Line, Series]] = []
    for unit in units:
        unit_lines = [Line(leaders=r.leaders, lead_units=r.lead_units, units=r.units,
                           checkpoints=[Checkpoint(due=d, label=lab, text=t) for d, lab, t in unit.checkpoints]) for r in unit.lines]
        if unit.undated:
            _add_undated(raw.code, unit.undated, unit_lines, deadline or date(year, 12, 31), summary)
        lines.extend(unit_lines)
        _place_series(raw.code, unit, unit_lines, placed, spare, summary)
    _place_spare_targets(raw.code, spare, placed, summary)
    _unique_names(lines)
    task.lines = lines
    task.note = _task_note(raw, units)
    if not any(line.indicators for line in lines):
        summary.append(Message("task {code}: no quantity read; a text-only task judged by its checkpoints", code=raw.code))
    return task


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
                               text=_clip(undated)))


def _place_series(code: str, unit: Unit, lines: list[Line], placed: list[tuple[Series, Indicator]], spare: list[tuple[Line, Series]],
                  summary: list[Message]) -> None:
    """A unit's series as indicators on its best line; a title's target without milestones waits in `spare`."""
    last_due = unit.checkpoints[-1][0] if unit.checkpoints else None
    prefix = _heading_prefix(unit)
    for one in unit.series:
        indicator = _indicator(one, last_due, code, summary)
        if indicator is None:
            continue
        if prefix and one.origin == "checkpoint" and prefix not in indicator.name:
            indicator.name = (prefix + indicator.name)[:30]
        line = _best_line(lines, unit.lines, one)
        if one.origin == "title" and not one.points and not one.filled:
            spare.append((line, one))
            continue
        line.indicators.append(indicator)
        placed.append((one, indicator))
    for due, label, mention in unit.leftovers:
        if not any(one.points and one.points[0][2] is mention and _kept(one, last_due) for one in unit.series):
            summary.append(Message("task {code}, {due}: “{text}” not placed on an indicator; left as checkpoint text",
                                   code=code, due=label or due.isoformat(), text=_clip(mention.excerpt)))


def _task_note(raw: RawTask, units: list[Unit]) -> str | None:
    notes = list(dict.fromkeys(raw.notes))
    if raw.content and not any(u.lines[0].deadline_only for u in units):
        notes.insert(0, "主要内容：" + raw.content)  # the content column, kept where no checkpoint carries it
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
    """A title target no checkpoint reached: it names a series read from the cells when their figures agree."""
    seen = {one.statement.excerpt for one, _ in placed if one.origin == "title"}
    for line, one in spare:
        key = one.statement.excerpt
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
            if alike or (unit_key(indicator.unit) == unit_key(one.unit) and len(same_unit) == 1):
                twin = indicator
                break
        if twin is not None:
            if other.origin == "checkpoint":
                twin.name, twin.text = one.statement.name, one.statement.excerpt
                twin.comparator, twin.target = one.statement.comparator, one.statement.value
            continue
        line.indicators.append(_indicator(one, None, code, summary))
        summary.append(Message("task {code}: “{text}” has no dated checkpoint; kept as a target without milestones", code=code,
                               text=_clip(key)))


def _kept(one: Series, last_due: date | None) -> bool:
    """A number is placed when it has a printed target, recurs, is a share, says 累计, or is the year-end figure."""
    return one.statement is not None or len(one.points) >= 2 or unit_key(one.unit) == "%" or one.points[0][2].total \
        or (last_due is not None and one.points[-1][0] == last_due)


def _indicator(one: Series, last_due: date | None, code: str, summary: list[Message]) -> Indicator | None:
    """A series becomes an indicator when it has a printed target, a run of numbers, a share, or a year-end figure."""
    if one.statement is None and not _kept(one, last_due):
        return None
    milestones, reading, increments = milestones_of(one)
    if one.filled:
        value = one.statement.value if one.statement else one.points[-1][2].value
        milestones.append(Milestone(due=one.filled, target=value))
        reading = None  # the completed target is a total: per-period amounts keep their `printed`
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
        summary.append(Message("task {code}: “{name}” read as per-period amounts ({printed}); milestones are running totals "
                               "({totals})", code=code, name=_clip(first.name), printed=printed,
                               totals=", ".join(str(m.target) for m in milestones)))
    return Indicator(
        name=first.name, unit=first.unit, comparator=(one.statement or last).comparator, target=target,
        text=first.excerpt if one.statement else last.excerpt, reading=reading, milestones=milestones,
    )


def _best_line(lines: list[Line], raws: list[RawLine], one: Series) -> Line:
    if len(lines) == 1:
        return lines[0]
    scores = [max(similarity(r.scope, t) for t in one.texts) if r.scope else 0.0 for r in raws]
    return lines[scores.index(max(scores))]


def _unique_names(lines: list[Line]) -> None:
    """Names are unique in a task: the second "新增学位" becomes "新增学位（2）"."""
    taken: set[str] = set()
    for line in lines:
        for indicator in line.indicators:
            name, n = indicator.name, 1
            while name in taken:
                n += 1
                name = f"{indicator.name}（{n}）"
            indicator.name = name
            taken.add(name)


def _clip(text: str, size: int = 40) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= size else text[: size - 1] + "…"
