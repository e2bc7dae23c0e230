"""The cells a person checks: a reading chosen of two, written beside the plan line that holds it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from mstrack.domain.dates import (
    PERIOD_RE,
    DateError,
    before_the_month,
    before_the_quarter,
    before_the_year,
    period_end,
    unlikely_deadline,
)
from mstrack.domain.quantities import UNIT_SCALE_ALT, chinese_count
from mstrack.errors import Message
from mstrack.model import Line, Task
from mstrack.sources.rows import clip
from mstrack.sources.table.figure_spans import BOUND, BOUND_UNIT, above_upper, range_read
from mstrack.sources.table.figures import Unit, names_start
from mstrack.sources.table.likeness import PART_OF_WHOLE_RE, opens_with_date, similarity
from mstrack.sources.table.mentions import find_mentions, stated
from mstrack.sources.table.numbers import MONEY_UNITS, exact_sum, unit_key
from mstrack.sources.table.period_amounts import each_period, per_period_amount
from mstrack.sources.table.placing import beyond_target
from mstrack.sources.table.raw import RawLine, RawTask
from mstrack.sources.table.schedule import month_digits, step_subject, without_date
from mstrack.sources.table.series import LEVEL_UNITS, Series, is_level
from mstrack.sources.table.spans import JOIN, over_new_year
from mstrack.sources.table.steps import bare_step, series_stage, step_stage, subject_fits
from mstrack.sources.table.unit_people import named_person
from mstrack.vocabulary import COUNTABLE_UNITS


@dataclass(kw_only=True)
class Doubt:
    """A cell that can be read two ways: the reading written is the likelier one; a person checks it.
    `at` is the plan object whose `key` line in the TOML carries the `# check:` comment."""

    row: int
    column: str
    why: Message
    at: object
    key: str


def task_doubts(raw: RawTask, task: Task, units: list[Unit], year: int) -> list[Doubt]:
    """The cells of this task that can be read two ways, each on the plan line that holds the reading chosen."""
    found = []
    column = raw.headers.get("task", "")
    if names_start(raw.deadline_text):
        found.append(Doubt(row=raw.row.number, column=raw.headers.get("deadline", ""), at=task, key="deadline_text",
                           why=Message("the 完成时限 names a start: read as a checkpoint, not as the deadline")))
    if (before := _month_before_doubt(raw, task, year)) is not None:
        found.append(before)
    if before is None and task.deadline is not None and (why := unlikely_deadline(task.deadline, year)) is not None:
        found.append(Doubt(row=raw.row.number, column=raw.headers.get("deadline", ""), at=task, key="deadline", why=why))
    if task.deadline is not None and task.deadline.year == year + 1 and over_new_year(month_digits(raw.deadline_text or "")):
        found.append(Doubt(row=raw.row.number, column=raw.headers.get("deadline", ""), at=task, key="deadline",
                           why=Message("“{text}” read as running into the next year (to {read}); it may be the winter "
                                       "before, ending in the programme's year", text=raw.deadline_text.strip(),
                                       read=task.deadline.isoformat())))
    found += _step_doubts(raw, task, year)
    found += _beyond_doubts(raw, task, units, raw.headers.get("content", column))
    found += _unfit_doubts(raw, task, units, raw.headers.get("content", column))
    found += _held_doubts(raw, task, units, raw.headers.get("content", column))
    found += _period_bound_doubts(raw, task, units, raw.headers.get("content", column))
    found += _title_doubts(raw, task, year)
    found += _range_doubts(raw, task)
    found += _month_figure_doubts(task, units, raw.headers.get("schedule", column))
    found += _undated_doubts(raw, task, year)
    found += [Doubt(row=row, column=header, at=task, key="title", why=why) for row, header, why in raw.doubts]
    for raw_line, line in zip((r for u in units for r in u.lines), task.lines, strict=True):
        if (doubt := _amount_doubt(raw, raw_line, task, line)) is not None:
            found.append(doubt)
        found += _person_doubts(raw, raw_line, line, column)
        if raw_line.item and raw_line.row is not raw.row and not raw_line.content and raw_line.again[0]:
            found.append(Doubt(row=raw_line.row.number, column=raw_line.again[1], at=line, key="lead_units",
                               why=Message("序号 {printed} again: the row read as part of task {code}; it may be a task of "
                                           "its own", printed=raw_line.again[0], code=raw.code)))
        elif raw_line.item and raw_line.row is not raw.row and not raw_line.content:
            found.append(Doubt(row=raw_line.row.number, column=column, at=line, key="lead_units",
                               why=Message("a row without 序号 read as part of task {code}; it may be a task of its own",
                                           code=raw.code)))
        for indicator in line.indicators:
            if indicator.reading == "increment" or any(m.printed is not None for m in indicator.milestones):
                found.append(Doubt(row=raw_line.row.number, column=raw.headers.get("schedule", column), at=indicator, key="name",
                                   why=Message("“{name}”: figures read as amounts per period and summed; they may be running totals",
                                               name=indicator.name)))
            elif indicator.target is not None and not indicator.milestones:  # said as written, and how to write the other
                found.append(Doubt(row=raw.row.number, column=column, at=indicator, key="name", why=Message(
                    "“{name}”: a target with no date: due at the deadline, {due}; if it falls due later, write that date "
                    "as the task's `deadline`; steps before it are milestones", name=indicator.name,
                    due=(task.deadline or date(year, 12, 31)).isoformat())))
    return found


def _person_doubts(raw: RawTask, raw_line: RawLine, line: Line, column: str) -> list[Doubt]:
    """A person or a post named where an office is expected, as a lead ("张三同志牵头", "分管副市长牵头") or a unit
    ("各县区党委书记负责", "市政府副秘书长协调", "张三（负责）"): each doubted on the line's own key."""
    lead_column = raw.headers.get("lead") or raw.headers.get("units", column)
    units_column = raw.headers.get("units") or raw.headers.get("lead", column)

    def doubt(key: str, column: str, why: Message) -> Doubt:
        return Doubt(row=raw_line.row.number, column=column, at=line, key=key, why=why)

    return [doubt("lead_units", lead_column, Message("“{lead}” leads: a person, not an office; name the office", lead=name))
            for name in line.lead_units if named_person(name)] \
        + [doubt("units", units_column, Message("“{unit}” is a unit: a person, not an office; name the office", unit=name))
           for name in line.units if named_person(name)]


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
                             value=raw_line.amount[0], text=clip(printed[0].excerpt)))


def _month_before_doubt(raw: RawTask, task: Task, year: int) -> Doubt | None:
    """A 完成时限 "6月前" is read as before June (May 31), as a schedule's "10月前" is before October; offices sometimes
    mean by the end of June: the other reading is named for a person to check. So is "2025年前" (before 2025). The one
    doubt of its cell: "2024年前" in a 2024 list, read in the year before, says so here, not again as a deadline before
    the programme's year (unlikely_deadline); one whose other reading is as unlikely ("2023年6月前") is left to that."""
    if (years := before_the_year(month_digits(raw.deadline_text or "").strip())) and task.deadline == years[0] \
            and unlikely_deadline(years[1], year) is None:
        return Doubt(row=raw.row.number, column=raw.headers.get("deadline", ""), at=task, key="deadline",
                     why=Message("“{text}” read as before that year ({read}); it may mean by the end of it ({other})",
                                 text=raw.deadline_text.strip(), read=years[0].isoformat(), other=years[1].isoformat()))
    labels = PERIOD_RE.findall(re.sub(r"\s+", "", month_digits(raw.deadline_text or "")))
    if not labels or task.deadline is None or (other := before_the_month(labels[-1], task.deadline)) is None \
            or unlikely_deadline(other, year) is not None:
        return None
    return Doubt(row=raw.row.number, column=raw.headers.get("deadline", ""), at=task, key="deadline",
                 why=Message("“{text}” read as before that month ({read}); it may mean by the end of it ({other})",
                             text=raw.deadline_text.strip(), read=task.deadline.isoformat(), other=other.isoformat()))


BEFORE_LABEL_RE = re.compile(rf"(?:{PERIOD_RE.pattern})(?<=前)")


def _beyond_doubts(raw: RawTask, task: Task, units: list[Unit], column: str) -> list[Doubt]:
    """A dated step larger than the year's target ("新建公厕10座，9月底前完成12座"), left as checkpoint text: which holds."""
    return [Doubt(row=raw.row.number, column=column, at=task, key="title",
                  why=Message("“{text}” ({step}) is more than the target ({target}): left as checkpoint text",
                              text=clip(mention.excerpt), step=mention.value, target=one.statement.value))
            for unit in units for _, _, mention in unit.leftovers
            if not any(point[2] is mention for one in unit.series for point in one.points)  # refused, not born
            for one in unit.series if beyond_target(one, mention)][:1]


def _held_doubts(raw: RawTask, task: Task, units: list[Unit], column: str) -> list[Doubt]:
    """"城镇调查失业率控制在5.5%以内，每月调查失业率不超过5.5%": the bound held each period is read as that indicator,
    no second one (series.bound_held_again); said, so the words are not dropped unseen."""
    return [Doubt(row=raw.row.number, column=column, at=task, key="title", why=Message(
        "“{text}” read as “{name}” ({target}) held each period: no indicator of its own", text=clip(mention.excerpt),
        name=one.statement.name, target=f"{one.statement.value}{one.statement.unit}"))
        for unit in units for one in unit.series for mention in one.held]


def _period_bound_doubts(raw: RawTask, task: Task, units: list[Unit], column: str) -> list[Doubt]:
    """"城区空气优良天数比例达到85%以上，每月不低于80%": a bound each period on another level than the year's, read as an
    indicator of its own (series.bound_each_period); said, since the words leave what it bounds to the reader."""
    said = {(m.excerpt, m.name): m for unit in units for one in unit.series
            for m in [one.statement, *(point[2] for point in one.points)] if m is not None and m.bounds}
    return [Doubt(row=raw.row.number, column=column, at=task, key="title", why=Message(
        "“{text}” read as “{name}”, an indicator of its own beside “{year}”: check what it bounds", text=clip(mention.excerpt),
        name=mention.name, year=mention.bounds)) for mention in said.values()]


def _unfit_doubts(raw: RawTask, task: Task, units: list[Unit], column: str) -> list[Doubt]:
    """Dated steps that fit the year's target no single way: a last step that neither reaches the target nor makes it
    up ("…5条，…完成2条，…完成4条"), an amount per period ("每季度完成300人次"), and steps with no year's figure, whose
    last is read as the target ("第二季度前完成2条，第四季度前完成3条": 3, or 5 if they are amounts per period)."""
    found = []
    for unit in units:
        for due, _, mention in unit.leftovers:
            if any(point[2] is mention for one in unit.series for point in one.points):
                continue  # born, not left
            if (one := each_period(unit.series, mention)) is not None:
                why = Message("“{text}” ({step}) read as an amount per period of “{name}” ({target}): left as checkpoint text",
                              text=clip(mention.excerpt), step=mention.value, name=one.statement.name, target=one.statement.value)
            elif per_period_amount(mention):
                why = Message("“{text}” ({step}) is an amount per period with no year's figure of it in {unit}: left as "
                              "checkpoint text", text=clip(mention.excerpt), step=mention.value, unit=mention.unit or "—")
            elif bare_step(mention) and not any(beyond_target(one, mention) for one in unit.series) and (one := next(
                    (s for s in unit.series if s.statement and unit_key(s.unit) == unit_key(mention.unit)
                     and any(d == due for d, _, _ in s.points)), None)) is not None:
                why = Message("“{text}” ({step}) does not make up the target ({target}) with the steps before it: left as "
                              "checkpoint text", text=clip(mention.excerpt), step=mention.value, target=one.statement.value)
            else:
                continue
            found.append(Doubt(row=raw.row.number, column=column, at=task, key="title", why=why))
        found += [Doubt(row=raw.row.number, column=column, at=task, key="title", why=why)
                  for why in [*map(_additions_on_stock, unit.series), *map(_stage_of_whole, unit.series),
                              *_other_subjects(unit.series)] if why is not None]
        for one in unit.series:
            values = [point[2].value for point in one.points]
            rising = len(values) > 1 and all(b > a for a, b in zip(values, values[1:], strict=False))
            steps = [point[2] for point in one.points[:-1]]
            amounts = [m.value for m in steps if not m.total]  # "新增200…新增300" before "达到800": 达到 says only the last
            if one.statement and rising and not is_level(one) and values[-1] == one.statement.value \
                    and ((bare_step(one.statement) and (not one.points[-1][2].total or len(amounts) > 1))
                         or _added_steps(one, steps)):
                total = exact_sum(values)
            elif one.statement and not one.statement.total and not is_level(one) and any(
                    a.total and b.total and a.value == b.value < one.statement.value for a, b in zip(steps, steps[1:], strict=False)):
                # "新增学位3000个，6月底前达到1000个，9月底前达到1000个": one level held (1000 by both), or each period's 1000
                total = exact_sum([m.value for m in steps])
            else:
                continue
            found.append(Doubt(row=raw.row.number, column=column, at=task, key="title", why=Message(
                "“{name}”: steps read as running totals ({totals}); they may be amounts per period ({sum} in all)",
                name=one.statement.name, totals=", ".join(str(v) for v in values), sum=total)))
    return found


ADDED_RE = re.compile(r"新增|新建")  # a step that adds to a count, not the count reached


def _added_steps(one: Series, steps: list) -> bool:
    """"6月底前新增1000人，9月底前新增1500人，全年新增3000人": steps that each say 新增 and none 累计 rise to the
    year's figure: running totals (as read) or amounts per period, the words do not tell."""
    return len(steps) > 1 and all(ADDED_RE.search(m.verbs or "") and not m.total for m in steps) \
        and not any("累计" in (m.verbs or "") for _, _, m in one.points)


def _stage_of_whole(one: Series) -> Message | None:
    """"续建安置房800套，6月底前交付使用300套": steps at the done stage (交付使用, 竣工, 建成) beside a year's figure of
    the whole work, which says no stage, are read as how far it is (300 of the 800); they may count another thing."""
    if one.statement is None or series_stage(one) is not None:
        return None
    done = [m.value for _, _, m in one.points if m is not one.statement and bare_step(m) and step_stage(m) == "done"]
    if not done:
        return None
    return Message("“{name}”: the steps at the done stage ({steps}) are read as how far its {target} are by then; they "
                   "may count another thing", name=one.statement.name, target=one.statement.value,
                   steps=", ".join(str(v) for v in done))


def _other_subjects(series: list[Series]) -> list[Message]:
    """"新增养老床位2000张，护理床位6月底前达到1000张": a dated step whose subject the year's figure in its unit does not
    name is read as a figure of its own; it may be how far that figure is (1000 of the 2000)."""
    years = [one.statement for one in series if one.statement is not None and not opens_with_date(one.statement)]
    found = []
    for one in series:
        step = one.statement
        if step is None or not bare_step(step) or not (subject := step_subject(step.verbs)):
            continue
        found += [Message("“{text}” ({step}) is read as a figure of its own, “{subject}”; it may be how far “{name}” ({target}) "
                          "is by then", text=clip(step.excerpt), step=step.value, subject=subject, name=year.name,
                          target=year.value)
                  for year in years if unit_key(year.unit) == unit_key(step.unit) and not subject_fits(step, year.name)][:1]
    return found


def _additions_on_stock(one: Series) -> Message | None:
    """"累计建成充电桩500个，6月底前新增100个", "养老床位总数达到800张，6月底前新增200张": steps that say 新增 beside a
    year's figure of the stock reached (累计, 达到) are read as how far the stock is; they may be additions to it."""
    target = one.statement
    if target is None or not target.total or opens_with_date(target) or ADDED_RE.search(target.verbs) \
            or unit_key(one.unit) in LEVEL_UNITS:
        return None
    added = [m.value for _, _, m in one.points if not m.total and ADDED_RE.search(without_date(m.verbs))]
    if not added:
        return None
    return Message("“{name}”: {stock} is the stock reached (累计/达到); the steps that say 新增 ({steps}) are read as how far "
                   "it is by then; they may be additions to it", name=target.name, stock=target.value,
                   steps=", ".join(str(v) for v in added))


def _title_doubts(raw: RawTask, task: Task, year: int) -> list[Doubt]:
    """A title's figure that the content counts otherwise ("9月底前新建学校5所" over "新建学校3所"): both are kept,
    which holds is a person's call; parts that make up the title's figure ("新建学校3所，改扩建学校2所") and other
    stages (开工 / 建成) are no conflict."""
    content = find_mentions(raw.content or "", year)
    found = []
    for one in find_mentions(raw.title or "", year):
        alike = [m for m in content if unit_key(m.unit) == unit_key(one.unit) and m.stages == one.stages
                 and not PART_OF_WHOLE_RE.match(m.verbs)]  # "…3000个，其中公共停车位2000个": no second part
        if not alike or any(m.value == one.value for m in alike) \
                or exact_sum(m.value for m in alike) == one.value:
            continue
        other = next((m for m in alike if one.name in m.name or m.name in one.name or similarity(one.name, m.name) >= 0.5), None)
        if other is not None:
            found.append(Doubt(row=raw.row.number, column=raw.headers.get("task", ""), at=task, key="title",
                               why=Message("the title says “{title}” ({value}), the content “{text}” ({other}): both are kept",
                                           title=clip(one.excerpt), value=one.value, text=clip(other.excerpt), other=other.value)))
    return found[:1]


# "建设5-10个农民创业辅导示范基地", "新建三至五所幼儿园", "投资1-2亿元": a range of a count or a sum and what it counts
RANGE_SAID_RE = re.compile(rf"(?P<lower>{BOUND}+)(?P<own>{BOUND_UNIT}){JOIN}\s*{BOUND}+\s*(?P<scale>{UNIT_SCALE_ALT})?\s*"
                           rf"(?P<unit>{'|'.join(sorted(map(re.escape, {*COUNTABLE_UNITS, *MONEY_UNITS}), key=len, reverse=True))})"
                           r"[^，,。；;、\n]*")


def _range_doubts(raw: RawTask, task: Task) -> list[Doubt]:
    """A range of things to build or of a sum to invest in the task's words ("建设5-10个…", "投资1-2亿元"): read as at least
    its lower bound (figure_spans.range_read, tests/data/tables/README.md), while the document may mean more; a person
    says which. The lower bound is said in digits, with the scale and unit it is read in ("三至五所": 3所)."""
    found = []
    for key, text in (("task", raw.title), ("content", raw.content)):
        for m in RANGE_SAID_RE.finditer(text or ""):
            before = text[max(0, m.start() - 12):m.start()]
            if re.search(rf"{BOUND}$", before) or (words := range_read(before, m["unit"])) is None \
                    or not m["own"].strip() and m["scale"] and above_upper(text, m.end("lower"), m["lower"]):
                continue  # "投资5000至1万元": no range read (figure_spans)
            lower = m["lower"] if m["lower"][0].isdigit() else str(chinese_count(m["lower"]))
            own = re.sub(r"\s+", "", m["own"])
            own += m["unit"] if own in ("万亿", "亿", "万", "千") else ""  # "1亿-2亿元": its scale printed, the unit the upper's
            found.append(Doubt(row=raw.row.number, column=raw.headers.get(key, ""), at=task, key="title", why=Message(
                "“{text}”: a range, read as at least {lower}", text=clip(before[words.start():] + m[0]),
                lower=lower + (own if own else (m["scale"] or "") + m["unit"]))))
    said: dict = {}  # each range once (a title repeated in the content says it again), every range of the task
    for doubt in found:  # ("新建1-2个消防站，投资1-2亿元": two lower bounds read, two doubts; review56)
        said.setdefault((doubt.why.fields["text"], doubt.why.fields["lower"]), doubt)
    return list(said.values())


def _month_figure_doubts(task: Task, units: list[Unit], column: str) -> list[Doubt]:
    """A one-month column's figure read as the total by then (a milestone) while the row's progress cell reports more
    than twice as much done ("8月份目标: 新增30台" beside "进展情况: 新增81台"): it may be what that month adds; a person
    says which."""
    found = []
    for raw_line, line in zip((r for u in units for r in u.lines), task.lines, strict=True):
        months = {due for block in raw_line.blocks if block.partial or block.month_goal for _, due, _ in block.periods}
        for indicator in line.indicators if months else []:
            done = [(m, text) for _, text in raw_line.reported for m in find_mentions(text) if unit_key(m.unit) == unit_key(indicator.unit)]
            named = [(m, text) for m, text in done if m.name and m.name in indicator.name]
            done = named if len(named) == 1 else done if len(done) == 1 else []
            found += [Doubt(row=raw_line.row.number, column=column, at=indicator, key="name", why=Message(
                "“{name}”: {target} by {due}, under half of the {done} reported done (“{cell}”): the month's addition or the total?",
                name=indicator.name, target=m.target, due=m.due.isoformat(), done=done[0][0].value, cell=clip(done[0][1])))
                for m in indicator.milestones if done and m.due in months and m.target and done[0][0].value > 2 * m.target]
    return found


def _undated_doubts(raw: RawTask, task: Task, year: int) -> list[Doubt]:
    """A task with no date of its own (no 完成时限, no checkpoint) whose words print one inside a clause ("…卫生室建设,
    年底前,6家中心村卫生室达到…"): read as no deadline, while it may be the task's; a person says which."""
    if task.deadline is not None or any(line.checkpoints for line in task.lines):
        return []
    words = re.sub(r"\s+", "", month_digits("\n".join([raw.title, *(line.content for line in raw.lines)])))
    for m in BEFORE_LABEL_RE.finditer(words):
        try:
            due = period_end(m[0], year)
        except (DateError, ValueError):
            continue
        return [Doubt(row=raw.row.number, column=raw.headers.get("task", ""), at=task, key="title", why=Message(
            "the words say “{text}” ({due}) and the task has no 完成时限: no deadline read; it may be the task's",
            text=m[0], due=due.isoformat()))]
    return []


def _step_doubts(raw: RawTask, task: Task, year: int) -> list[Doubt]:
    """The dates printed in an item's words: "6月前" or "三季度前" read one way of two, as in the 完成时限 column; a date
    later than the 完成时限 ("2024年10月底前…" under 2024年9月), which of the two holds."""
    found, seen = [], set()
    column = raw.headers.get("content", raw.headers.get("task", ""))
    for line in raw.lines:
        for m in BEFORE_LABEL_RE.finditer(re.sub(r"\s+", "", month_digits(line.content))):
            label = m[0]
            if (line.row.number, label) in seen:
                continue
            seen.add((line.row.number, label))
            try:
                due = period_end(label, year)
            except (DateError, ValueError):
                continue
            if (other := before_the_month(label, due)) is not None:
                why = Message("“{text}” read as before that month ({read}); it may mean by the end of it ({other})",
                              text=label, read=due.isoformat(), other=other.isoformat())
            elif (other := before_the_quarter(label, due)) is not None:
                why = Message("“{text}” read as by that quarter's end ({read}); it may mean before it starts ({other})",
                              text=label, read=due.isoformat(), other=other.isoformat())
            if other is not None:
                found.append(Doubt(row=line.row.number, column=column, at=task, key="title", why=why))
            if raw.deadline_text and task.deadline is not None and due > task.deadline:
                found.append(Doubt(row=line.row.number, column=column, at=task, key="deadline",
                                   why=Message("the words say “{text}” ({due}), later than the 完成时限 “{deadline}”: the "
                                               "完成时限 is read", text=label, due=due.isoformat(),
                                               deadline=raw.deadline_text.strip())))
    return found
