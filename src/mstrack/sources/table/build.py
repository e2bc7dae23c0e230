"""A raw task assembled into a plan task: its lines, checkpoints, indicators and milestones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from mstrack.domain import unique
from mstrack.errors import Message
from mstrack.model import Checkpoint, Indicator, Line, Milestone, Task, TaskText
from mstrack.sources.table.mentions import (
    BARE_RE,
    COMPLETE_RE,
    Mention,
    find_mentions,
    similarity,
    stated,
    unit_factor,
    unit_key,
    word_pairs,
)
from mstrack.sources.table.raw import RawLine, RawTask
from mstrack.sources.table.schedule import dated_parts, numbered_deadlines, numbered_parts
from mstrack.sources.table.series import Series, assign, is_level, join_month_plan_figures, milestones_of, month_plan_only, work_progress


@dataclass(kw_only=True)
class Doubt:
    """A cell that can be read two ways: the reading written is the likelier one; a person checks it.
    `at` is the plan object whose `key` line in the TOML carries the `# check:` comment."""

    row: int
    column: str
    why: Message
    at: object
    key: str


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


def _statements(text: str, origin: str, year: int, own_places: tuple[str, ...] = ()) -> list[Series]:
    result = []
    seen = set()
    for mention in find_mentions(text, year, own_places=own_places):
        if ((mention.value, unit_key(mention.unit), mention.comparator) in seen and not mention.each) \
                or (not mention.unit and any(value == mention.value for value, _, _ in seen)):
            continue  # "完成在职参保人数6300人" beside a 目标任务 of "6300人" (or of "6300"): one target
        seen.add((mention.value, unit_key(mention.unit), mention.comparator))
        result.append(Series(unit=mention.unit, stages=mention.stages, texts=list(mention.contexts), statement=mention, origin=origin,
                             nouns=[mention.noun]))
    return result


def _all_dated(line: RawLine) -> bool:
    """Whether the dates in a content's words date all its figures ("城镇新增就业2500人，…，年底前完成"): then the last is
    the task's; a date of one clause among others is that clause's only."""
    return not find_mentions(_without(line.content, [text for _, _, text in line.periods[-line.in_words:]]))


def _without(text: str, clauses: list[str]) -> str:
    """The text less the clauses that a date of their own dates."""
    for clause in clauses:
        text = text.replace(clause, "")
    return text.strip(" ，,；;。\n")


def _tidy(text: str) -> str:
    """A checkpoint's words without the separator that led to the next period ("…2家;6月底前…")."""
    return re.sub(r"\s+$", "", text.strip()).rstrip("；;，,、 ")


def _units_of(task: RawTask, deadline: date | None, year: int) -> list[Unit]:
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
        worded = raw.in_words and len(checkpoints) == raw.in_words and (raw.deadline or deadline) and not undated
        if (not checkpoints or worded) and (raw.deadline or deadline) and not undated:
            raw.deadline_only = True  # dates in the content's words date their clauses; the rest is due at the deadline
            checkpoints += [(due, label, _without(text, [t for _, _, t in checkpoints]) or label)
                            for due, label, text in _deadline_checkpoints(task, raw, deadline, year)]
        if raw.start and raw.start[1].year >= year and all(raw.start[1] < due for due, _, _ in checkpoints):
            checkpoints.append((raw.start[1], raw.start[0], "开工"))  # a 开工时间 column: when the work starts, this year
        merged: dict[date, tuple[str, str]] = {}
        for due, label, text in sorted(checkpoints, key=lambda c: c[0]):
            if due in merged:
                old_label, old_text = merged[due]
                merged[due] = (old_label, old_text + text)
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
    text = raw.item or task.content or label
    if dates := numbered_deadlines(label, year):
        items = numbered_parts(text)
        if len(items) != len(dates):  # else the text's sentences, when there are as many: "…22所…;…幼儿园…。"
            items = [c.strip() for c in re.split(r"[；;。]", text) if c.strip()]
        if len(items) != len(dates):
            items = [part for part, _ in dates]
        return _budget_at_the_end([(due, part, item) for (part, due), item in zip(dates, items, strict=True)])
    if parts := dated_parts(label, year):  # "6月底前开工，11月底前完工": each date its words; the work is due at the last
        *earlier, (last_label, last_due, last_words) = parts
        done = text if text != label else last_words
        if last_words and text != label:
            done = f"{text}；{last_words}"
        return [(due, part, words or part) for part, due, words in earlier] + [(last_due, last_label, done or last_label)]
    return [(raw.deadline or deadline, label, text)]


BUDGET_RE = re.compile(r"^\s*(?:计划投资|总投资|概算|预算|估算)")


def _budget_at_the_end(dated: list[tuple[date, str, str]]) -> list[tuple[date, str, str]]:
    """A budget in a clause that a date of its own dates ("计划投资1067万元,完成22所…" beside "1.2021年8月") is the
    task's, spent by its last date: the clause's work is due then, not the money."""
    last = max(range(len(dated)), key=lambda k: dated[k][0])
    moved = []
    for k, (due, label, text) in enumerate(dated):
        parts = re.split(r"[，,]", text)
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


def _read_numbers(raw: RawTask, units: list[Unit], deadline: date | None, year: int, summary: list[Message]) -> None:
    """Match each unit's schedule numbers to the title's and heading's targets; mark what "全面完成" completes."""
    content = "\n".join(numbered_parts(raw.content)) or raw.content  # "1. 改造县道10公里 2. 新建桥梁2座": one target a line
    title_text = raw.title + ("\n" + content if content else "")
    figures = {id(line.row): line.amount for line in raw.lines if not line.item and line.amount[0]}
    per_row = len(set(figures.values())) > 1  # rows under one merged item, each with a figure of its own: each row's
    amounts = [] if per_row else [s for line in raw.lines if not line.item
                                  for s in _amount_series(raw.title, line.amount, "title", year, title_text)]
    measured = [s for line in raw.lines for name, number, unit in line.measured if not _printed(number, title_text, unit)
                for s in _amount_series(name, (number, unit), "heading" if line.item else "title", year)]
    title_filled = False
    for k, unit in enumerate(units):
        own = [s for r in unit.lines[:1] if r.item for s in _amount_series(r.item, r.amount, "heading", year)]
        own += _shares_beside(own, unit.lines[0].item, "heading", year)
        if not any(r.item and r.amount[0] for r in unit.lines[:1]):  # a 目标任务 cell states the sub-item's target
            own = _statements(unit.heading, "heading", year, raw.own_places) if unit.heading else []
        if per_row:  # "甲镇 8座 9月 / 乙镇 7座 10月" under 新建农村公厕: the row's figure, due at the row's date
            own += [s for r in unit.lines[:1] if not r.item for s in _amount_series(raw.title, r.amount, "heading", year, title_text)]
        titles = amounts + _shares_beside(amounts, title_text, "title", year) if amounts \
            else _statements(title_text, "title", year, raw.own_places)
        titles = titles if not per_row or k == 0 else []  # the words' own figures, once
        unit.series = own + titles + measured  # a target column states the targets
        deadline_only = unit.lines[0].deadline_only
        starts = deadline_only and names_start(raw.deadline_text)  # "5月底前动工" is when work starts
        if starts:
            summary.append(Message("task {code}: 完成时限 “{deadline}” names a start, not a completion; "
                                   "its targets are kept without milestones", code=raw.code, deadline=raw.deadline_text))
        unit.leftovers = [] if starts else assign(unit.series, unit.checkpoints, year)
        unit.leftovers = join_month_plan_figures(unit.series, unit.leftovers, _planned(unit))
        _verb_completions(unit)
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


def build_task(raw: RawTask, year: int, summary: list[Message], doubts: list[Doubt] | None = None) -> Task:
    """Read the numbers of one task: indicators from the title, milestones from the schedule."""
    # a month of a plan for the month is a checkpoint; it is the deadline only where it says the task is done
    latest = [due for line in raw.lines for block in line.blocks for _, due, text in block.periods
              if not block.partial or COMPLETE_RE.search(text)]
    latest += [due for line in raw.lines for _, due, _ in line.periods[:len(line.periods) - line.in_words]]
    latest += [due for line in raw.lines if line.in_words and _all_dated(line) for _, due, _ in line.periods[-line.in_words:]]
    deadline = raw.deadline or (max(latest) if latest else None)
    if names_start(raw.deadline_text) and not latest:
        deadline = None  # "6月底前开工": a start checkpoint, not the date the task is done
    if raw.deadline_text and raw.deadline is None:
        summary.append(Message("task {code}: 完成时限 “{deadline}” names no date; kept as deadline_text", code=raw.code,
                               deadline=_clip(raw.deadline_text)))
    units = _units_of(raw, deadline, year)
    _read_numbers(raw, units, deadline, year, summary)
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
        _place_series(raw.code, unit, unit_lines, placed, spare, summary)
    _place_spare_targets(raw.code, spare, placed, summary)
    _unique_names(lines)
    task.lines = lines
    task.note = _task_note(raw, units)
    if doubts is not None:
        doubts.extend(_doubts(raw, task, units))
    if not any(line.indicators for line in lines):
        summary.append(Message("task {code}: no quantity read; a text-only task judged by its checkpoints", code=raw.code))
    return task


def _doubts(raw: RawTask, task: Task, units: list[Unit]) -> list[Doubt]:
    """The cells of this task that can be read two ways, each on the plan line that holds the reading chosen."""
    found = []
    column = raw.headers.get("task", "")
    if names_start(raw.deadline_text):
        found.append(Doubt(row=raw.row.number, column=raw.headers.get("deadline", ""), at=task, key="deadline_text",
                           why=Message("the 完成时限 names a start: read as a checkpoint, not as the deadline")))
    found += [Doubt(row=row, column=header, at=task, key="title", why=why) for row, header, why in raw.doubts]
    for raw_line, line in zip((r for u in units for r in u.lines), task.lines, strict=True):
        if (doubt := _amount_doubt(raw, raw_line, task, line)) is not None:
            found.append(doubt)
        if raw_line.item and raw_line.row is not raw.row and not raw_line.content:
            found.append(Doubt(row=raw_line.row.number, column=column, at=line, key="lead_units",
                               why=Message("a row without 序号 read as part of task {code}; it may be a task of its own",
                                           code=raw.code)))
        for indicator in line.indicators:
            if indicator.reading == "increment" or any(m.printed is not None for m in indicator.milestones):
                found.append(Doubt(row=raw_line.row.number, column=raw.headers.get("schedule", column), at=indicator, key="name",
                                   why=Message("“{name}”: figures read as amounts per period and summed; they may be running totals",
                                               name=indicator.name)))
            elif indicator.target is not None and not indicator.milestones:
                found.append(Doubt(row=raw.row.number, column=column, at=indicator, key="name",
                                   why=Message("“{name}”: a target with no date: due at the deadline, or not this year?",
                                               name=indicator.name)))
    return found


def _amount_doubt(raw: RawTask, raw_line: RawLine, task: Task, line: Line) -> Doubt | None:
    """A 目标任务 cell whose figure the text beside it does not print ("新增15万户…" over "12800"): the cell is read."""
    text = raw_line.item or raw.title
    stated_one = stated(text, *raw_line.amount) if raw_line.amount[0] else None
    text = raw_line.item or f"{raw.title}\n{raw.content}"
    if stated_one is None or raw_line.row is not raw.row and not raw_line.item:
        return None
    printed = [m for m in find_mentions(text) if unit_key(m.unit) != "%" or unit_key(stated_one.unit) in ("%", "")]
    if not printed or any(m.value == stated_one.value for m in printed):
        return None  # a share beside the column's count is read as a target of its own (_shares_beside)
    at = next((i for one in task.lines for i in one.indicators if i.target == stated_one.value), line)
    return Doubt(row=raw_line.row.number, column=raw.headers.get("amount", raw.headers.get("content", "")), at=at,
                 key="name" if at is not line else "lead_units",
                 why=Message("the target column says {value}, the text beside it “{text}”: the column is read",
                             value=raw_line.amount[0], text=_clip(printed[0].excerpt)))


RATE_HEADER_RE = re.compile(r"率|比|%|％")


def reported_values(raw: RawTask, task: Task) -> list[tuple[str, int | float, str]]:
    """What the progress columns say was done, per indicator: (indicator, value, the cell as printed). A bare number
    is the value of its row's one indicator; in words, the figure counted in the indicator's unit. Rates are left out."""
    found: dict[str, tuple[str, int | float, str]] = {}
    for raw_line, line in zip(raw.lines, task.lines, strict=False):
        for header, text in raw_line.reported:
            if RATE_HEADER_RE.search(header):
                continue
            for indicator in line.indicators:
                value = _reported_value(text, indicator, alone=len(line.indicators) == 1)
                if value is not None and indicator.name not in found:
                    found[indicator.name] = (indicator.name, value, _clip(text, 200))
    return list(found.values())


def _reported_value(text: str, indicator: Indicator, alone: bool) -> int | float | None:
    from mstrack.domain.quantities import QuantityError, parse_quantity

    if BARE_RE.match(text.strip()):
        try:
            return parse_quantity(text.strip()).value if alone else None
        except QuantityError:  # pragma: no cover - the pattern admits plain numbers only
            return None
    same = [m for m in find_mentions(text) if m.unit and unit_key(m.unit) == unit_key(indicator.unit)]
    return same[0].value if same else None


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
    planned = _planned(unit)
    for one in unit.series:
        if month_plan_only(one, planned) and work_progress(one):
            continue
        indicator = _indicator(one, last_due, code, summary)
        if indicator is None:
            continue
        if prefix and one.origin == "checkpoint" and prefix not in indicator.name:
            indicator.name = (prefix + indicator.name)[:30]
        line = _best_line(lines, unit.lines, one, unit.holder)
        if one.origin == "title" and not one.points and not one.filled:
            spare.append((line, one))
            continue
        line.indicators.append(indicator)
        placed.append((one, indicator))
    for due, label, mention in unit.leftovers:
        if not any(one.points and one.points[0][2] is mention and _kept(one, last_due)
                   and not (month_plan_only(one, planned) and work_progress(one)) for one in unit.series):
            summary.append(Message("task {code}, {due}: “{text}” not placed on an indicator; left as checkpoint text",
                                   code=code, due=label or due.isoformat(), text=_clip(mention.excerpt)))


def _task_note(raw: RawTask, units: list[Unit]) -> str | None:
    notes = unique(raw.notes)
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
        line.indicators.append(_indicator(one, None, code, summary))
        summary.append(Message("task {code}: “{text}” has no dated checkpoint; kept as a target without milestones", code=code,
                               text=_clip(key[0])))


def _printed_once(statement: Mention) -> tuple[str, str]:
    """A title's figure is one target however often it is matched; one printed for each of several things (均) is one each."""
    return statement.excerpt, statement.name if statement.each else ""


def _planned(unit: Unit) -> set[date]:
    """The dates of the unit's one-month plans (本月计划, 3月目标, 下月计划)."""
    return {due for raw in unit.lines for block in raw.blocks if block.partial for _, due, _ in block.periods}


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


def _best_line(lines: list[Line], raws: list[RawLine], one: Series, holder: int = 0) -> Line:
    if len(lines) == 1:
        return lines[0]
    scores = [max(similarity(r.scope, t) for t in one.texts) if r.scope else 0.0 for r in raws]
    return lines[scores.index(max(scores))] if max(scores) > 0 else lines[holder]


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
