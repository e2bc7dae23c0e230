"""The words of issue 17 (docs/supervision.md): the early warning, the lights and why each is lit, the
forecasts, the unit ranking and the 督办通知单. Part of the one catalogue: labels/__init__.py merges them
into CATALOGUE and MESSAGES, which every renderer and message reads; nothing else imports this module."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "due_soon.mark": ("·预警", " · due soon"), "status.due_soon": ("；{n} 行节点将到期而尚未达到（预警）", "; {n} due soon"),
    "light.red": ("红", "red"), "light.yellow": ("黄", "yellow"), "light.grey": ("无", "none"), "light.green": ("绿", "green"),
    "light.done": ("完成", "done"), "why.status": ("{indicator}：{status}", "{indicator}: {status}"), "col.red_run_short": ("连红", "Red"),
    "why.due_soon": ("{indicator}：{due} 节点将到期，尚未达到", "{indicator}: checkpoint of {due} due soon, not yet met"),
    "why.caught_up": ("上期红灯，本期已赶上", "caught up"), "why.done": ("各项指标均已完成", "every indicator met its target"),
    "lights.title": ("民生实事亮灯表（{first}至{last}，截至 {on}）", "Light board, {first} to {last}, as of {on}"),
    "col.red_run": ("连续红灯", "Red in a row"), "col.reason": ("说明（最近一期）", "Why"), "lights.empty": ("没有符合的任务", "No task"),
    "lights.caption": ("共 {n} 项任务；红灯 {red} 项；预警天数 {days}", "{n} {n:task|tasks}; {red} red; warning {days} days ahead"),
    "lights.legend": ("红：滞后、逾期或未报送；黄：上期红灯已赶上，或节点将到期；绿：序时推进；无：尚无报送且未到节点；完成：全部完成",
                      "red: behind, overdue or unreported; yellow: caught up, or due soon; green: on track; none: nothing due; done"),
    "notice.title": ("督办通知单", "Supervision notice"), "notice.to": ("{unit}：", "To {unit}:"),
    "notice.body": ("截至{on}，你单位牵头的{programmes}任务中，有{n}项亮红灯或黄灯（见下表）。请对照计划查找原因、"
                    "采取措施加快推进，并于{reply_by}前将整改落实情况书面反馈。",
                    "As of {on}, {n} {n:task|tasks} you lead in {programmes} {n:is|are} red or yellow (below); reply by {reply_by}."),
    "notice.none": ("截至{on}，你单位牵头的{programmes}任务均未亮红灯或黄灯。", "As of {on}: none red or yellow in {programmes}."),
    "notice.reply": ("反馈时限：{reply_by}", "Reply by: {reply_by}"), "notice.no": ("序号", "No."), "notice.light": ("灯号", "Light"),
    "notice.next": ("下一节点", "Next checkpoint"), "notice.required": ("所需进度", "Pace needed"),
    "forecast.one_report": ("仅一次报送，不作预测", "one report only: no pace yet"), "forecast.line": ("预测：{text}", "Forecast: {text}"),
    "forecast.recent": ("近两次报送{pace}", "last two reports {pace}"), "forecast.required": ("按期完成需{pace}", "deadline needs {pace}"),
    "forecast.rises": ("每天增加{amount}", "rise {amount} a day"), "forecast.falls": ("每天下降{amount}", "fall {amount} a day"),
    "forecast.on_course": ("按此速度 {on} 完成，可按期完成", "at this pace done on {on}, in time"),
    "forecast.late": ("按此速度 {on} 才能完成，晚于完成时限", "at this pace done only on {on}, after the deadline"),
    "forecast.never": ("按此速度无法完成", "at this pace never done"),
    "units.on_time": ("按时完成率", "On-time rate"), "units.rank": ("名次", "Rank"),
    "msg.lights": ("亮灯表", "light board"), "msg.notice": ("督办通知单", "supervision notice"),
}

MESSAGES: dict[str, str] = {
    "{n} {n:notice|notices} written to {path}": "已写出 {n} 份督办通知单 → {path}",
    "--from {first}: after --to {last}": "--from {first}：晚于 --to {last}",
    "--unit or --each-unit: name one lead unit, or ask for a notice to each (not both)": "--unit 或 --each-unit：二者选一",
    "--output: a notice goes to a file (with --each-unit, a directory); add -o PATH": "--output：通知单须写入文件或目录；请加上 -o 路径",
    "--output {path}: with --each-unit, a directory (one file per unit goes in it)": "--output {path}：用 --each-unit 时须为目录",
    "--reply-by {due}: before --as-of {on}": "--reply-by {due}：早于 --as-of {on}",
}
