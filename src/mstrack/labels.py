"""The one catalogue of labels and messages, in Chinese and English. Renderers look words up here;
none is written into a renderer.

Stdlib only: the command line imports this module before it knows what it will print.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGS = ("zh", "en")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

# key: (Chinese, English). `{name}` fields are filled by `Labels.__call__`.
CATALOGUE: dict[str, tuple[str, str]] = {
    # statuses (engine.STATUSES)
    "status.done": ("已完成", "done"),
    "status.on_track": ("序时推进", "on track"),
    "status.behind": ("进度滞后", "behind"),
    "status.no_report": ("未报送", "no report"),
    "status.overdue": ("逾期", "overdue"),
    "status.not_due": ("未到期", "not due"),
    # the same, as counted in a summary sentence ("3项已完成，2项滞后")
    "count.done": ("{n}项已完成", "{n} done"),
    "count.on_track": ("{n}项序时推进", "{n} on track"),
    "count.behind": ("{n}项滞后", "{n} behind"),
    "count.no_report": ("{n}项未报送", "{n} without a report"),
    "count.overdue": ("{n}项逾期", "{n} overdue"),
    "count.not_due": ("{n}项未到期", "{n} not yet due"),
    "list.sep": ("，", ", "),
    "list.and": ("、", ", "),
    # messages of the command line
    "demo.loaded": ("已载入 {n} 个计划：{programmes} → {db}", "Loaded {n} programmes: {programmes} → {db}"),
    "demo.programme": ("{code}（{tasks} 项任务）", "{code} ({tasks} tasks)"),
    # status table (mstrack status)
    "status.title": ("民生实事进度 截至 {on}{rule}", "Livelihood projects: progress as of {on}{rule}"),
    "status.pro_rata": ("，按序时进度", ", pro-rata (序时进度)"),
    "col.task": ("任务", "Task"),
    "col.indicator": ("指标", "Indicator"),
    "col.lead_unit": ("牵头单位", "Lead unit"),
    "col.target": ("年度目标", "Annual target"),
    "col.expected": ("序时目标", "Expected"),
    "col.actual": ("实际", "Actual"),
    "col.percent": ("完成率", "Done %"),
    "col.status": ("状态", "Status"),
    "col.assessment": ("报告评价", "Report's word"),
    "col.pace": ("序时完成率", "Pace %"),
    "col.gap": ("差距", "Gap"),
    "col.days_behind": ("滞后天数", "Days behind"),
    "col.latest": ("最新情况", "Latest report"),
    "col.chart": ("进度图", "Chart"),
    "col.as_of": ("截至", "As of"),
    "col.note": ("备注", "Note"),
    "col.value": ("数值", "Value"),
    "col.reporter": ("填报人", "Reported by"),
    "col.before": ("原状态", "Was"),
    "col.after": ("现状态", "Now"),
    "col.programme": ("计划", "Programme"),
    "col.title": ("工作任务", "Task title"),
    "schedule.final": ("{n}个节点", "{n} checkpoints"),
    "schedule.count": ("{n}个", "{n}"),
    "schedule.met": ("第{n}项节点完成", "checkpoint {n} met"),
    "stale.mark": ("·久未报", " · stale"),
    "status.caption": ("共 {n} 行：{summary}", "{n} rows: {summary}"),
    "status.caption_item": ("{label} {n}", "{label} {n}"),
    "status.empty": ("没有符合条件的指标", "No indicator matches"),
    "status.stale": ("；{n} 行最近一次报送已超过期限（久未报）", "; {n} rows have a latest report older than the limit (stale)"),
    "status.disagree": ("；{n} 项任务的计算状态与报告评价不一致（≠）",
                        "; {n} tasks' computed status disagrees with the report's own word (≠)"),
    # one task (mstrack show)
    "task.programme": ("计划", "Programme"),
    "task.area": ("项目", "Project"),
    "task.leaders": ("分管领导", "Leader"),
    "task.lead_units": ("牵头单位", "Lead units"),
    "task.units": ("责任单位", "Responsible units"),
    "task.deadline": ("完成时限", "Deadline"),
    "task.progress": ("进展情况", "Progress"),
    "task.assessment": ("评价", "Assessment"),
    "task.problems": ("存在问题", "Problems"),
    "task.links": ("同一目标", "Same target"),
    "task.note": ("说明", "Note"),
    "task.schedule_hint": ("  （文字节点，以 log --done 标记完成）", "  (text checkpoints: mark them met with log --done)"),
    "task.target": ("  目标 {target}", "  target {target}"),
    "task.lead": ("  牵头：{units}", "  lead: {units}"),
    "task.checkpoint": ("节点", "Checkpoint"),
    "task.cumulative": ("累计目标", "Cumulative target"),
    "task.plan": ("进度安排", "Schedule"),
    "task.no_reports": ("  尚无报送", "  no reports yet"),
    # unit rollup (mstrack units)
    "units.title": ("责任单位完成情况 截至 {on}", "Units: tasks by status as of {on}"),
    "units.title_lead": ("牵头单位完成情况 截至 {on}", "Lead units: tasks by status as of {on}"),
    "units.unit": ("单位", "Unit"),
    "units.tasks": ("任务数", "Tasks"),
    "units.done": ("已完成", "Done"),
    "units.on_track": ("序时推进", "On track"),
    "units.behind": ("滞后", "Behind"),
    "units.no_report": ("未报送", "No report"),
    "units.overdue": ("逾期", "Overdue"),
    "units.not_due": ("未到期", "Not due"),
    "units.completion": ("完成率", "Done %"),
    "units.behind_tasks": ("滞后任务", "Tasks behind"),
    "units.empty": ("没有单位", "No units"),
    "units.caption": ("共 {n} 个单位；完成率 = 各指标年度完成率（封顶100%）的平均值",
                      "{n} units; done % = mean of the indicators' share of the annual target (capped at 100%)"),
    # weekly report
    "weekly.title": ("民生实事进度周报", "Livelihood projects: weekly report"),
    "weekly.subtitle": ("截至 {on}（上期 {since}）", "As of {on} (previous report {since})"),
    "weekly.rule": ("按序时进度（pro-rata）计算", "expected by the pro-rata rule (序时进度)"),
    "weekly.summary": ("共{tasks}项任务：{parts}，截至 {on}", "Of {tasks} tasks: {parts}, as of {on}"),
    "weekly.rows": ("（共 {n} 个指标：{parts}）", "({n} indicators: {parts})"),
    "weekly.programmes": ("计划：{codes}", "Programmes: {codes}"),
    "weekly.behind": ("滞后事项", "Behind schedule"),
    "weekly.behind_none": ("截至 {on} 没有滞后事项。", "Nothing is behind schedule as of {on}."),
    "weekly.units": ("单位汇总", "By lead unit"),
    "weekly.changes": ("{since} 以来的变化", "Changes since {since}"),
    "weekly.new_reports": ("新报送", "New reports"),
    "weekly.new_reports_none": ("没有新报送。", "No new reports."),
    "weekly.status_changes": ("状态变化", "Status changes"),
    "weekly.status_changes_none": ("没有状态变化。", "No status changed."),
    "weekly.summary_sheet": ("概况", "Summary"),
    "weekly.total": ("合计", "Total"),
    "weekly.indicators": ("指标数", "Indicators"),
    "weekly.generated": ("生成于 {today}，mstrack {version}", "Made {today} by mstrack {version}"),
    "weekly.chart_label": ("{indicator}：计划与报送", "{indicator}: schedule and reports"),
    "weekly.legend": ("进度图：灰线为计划累计目标，空心点为截至日应完成数，红点为报送数，蓝色虚线为截至日。",
                      "Charts: grey, the planned cumulative target; hollow dot, what is due at the as-of date; red, the reports; "
                      "blue dashes, the as-of date."),
    "weekly.expected_of": ("应完成 {expected}，实际 {actual}", "expected {expected}, actual {actual}"),
    "weekly.days": ("{n}天", "{n} d"),
    "weekly.ditto": ("同上", "ditto"),
    "weekly.latest": ("{note}（截至 {on}）", "{note} (as of {on})"),
    "weekly.latest_bare": ("截至 {on}", "as of {on}"),
    "weekly.none": ("—", "—"),
    # half-year / annual 一览表
    "table.half-year": ("{name}上半年完成情况一览表", "{name}: half-year progress table"),
    "table.annual": ("{name}全年完成情况一览表", "{name}: full-year progress table"),
    "table.as_of": ("截至 {on}", "As of {on}"),
    "table.summary": ("共{areas}个项目、{tasks}项具体任务：{parts}。", "{areas} projects, {tasks} tasks: {parts}."),
    "table.assessed": ("报告评价：{parts}。", "The report's own words: {parts}."),
    "table.assessed_item": ("“{word}”{n}项", "“{word}” {n}"),
    "table.area": ("项目名称", "Project"),
    "table.content": ("项目内容", "Task"),
    "table.progress.half-year": ("上半年进展情况", "Progress in the first half"),
    "table.progress.annual": ("全年进展情况", "Progress in the year"),
    "table.next.half-year": ("{year}年下半年任务目标及措施", "Targets and measures for the second half of {year}"),
    "table.next.annual": ("下一步任务目标及措施", "Next targets and measures"),
    "table.units": ("责任单位", "Responsible units"),
    "table.deadline": ("完成时限", "Deadline"),
    "table.status": ("计算状态", "Computed status"),
    "table.no_progress": ("暂无报送", "Nothing reported yet"),
    "table.no_next": ("/", "/"),
    "table.step": ("{label}：{text}", "{label}: {text}"),
    "table.step_lead": ("【{lead}】{text}", "[{lead}] {text}"),
    "table.report_line": ("{indicator}：{value}（截至{as_of}{percent}）", "{indicator}: {value} (as of {as_of}{percent})"),
    "table.report_percent": ("，完成年度目标{percent}%", ", {percent}% of the annual target"),
    "table.schedule_line": ("已完成第{n}个节点（截至{as_of}）", "checkpoint {n} met (as of {as_of})"),
    "table.sheet": ("一览表", "Table"),
    "table.no_area": ("（未分项目）", "(no project)"),
    # command-line messages
    "msg.written": ("{what} → {path}", "{what} → {path}"),
    "msg.units": ("单位汇总", "unit rollup"),
    "msg.weekly": ("周报", "weekly report"),
    "msg.half-year": ("半年报告一览表", "half-year table"),
    "msg.annual": ("全年报告一览表", "annual table"),
}


def pick_lang(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """--lang wins; else the first locale variable set (LC_ALL, LC_MESSAGES, LANG): Chinese for zh_*,
    English otherwise."""
    if option:
        if option not in LANGS:
            raise ValueError(f"--lang {option!r}: expected one of {', '.join(LANGS)}")
        return option
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class Labels:
    """Words in one language: `labels("col.task")`, `labels("count.done", n=3)`, `labels.status("behind")`."""

    def __init__(self, lang: str = "zh"):
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang
        self._index = LANGS.index(lang)

    def __call__(self, key: str, **fields) -> str:
        text = CATALOGUE[key][self._index]
        return text.format(**fields) if fields else text

    def status(self, status: str) -> str:
        return self(f"status.{status}")

    def join(self, items) -> str:
        return self("list.and").join(items)


def labels_for(lang: str | None) -> Labels:
    return Labels(lang or "zh")
