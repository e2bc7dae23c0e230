"""The one catalogue of labels and messages, in Chinese and English (a subject's words may sit beside it,
as supervision.py and database.py, merged in here). Labels are keys (CATALOGUE); messages are their English text, as the
library writes them (errors.Message), with the Chinese beside it (MESSAGES), gettext style.

Stdlib only: the command line imports this module before it knows what it will print.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from mstrack.errors import fill
from mstrack.labels import database, supervision

LANGS = ("zh", "en")
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

# key: (Chinese, English). `{name}` fields are filled by `Labels.__call__`. English says a count's noun
# as `{n:checkpoint|checkpoints}`: the first word for 1, the second for any other number (see errors._Plural).
CATALOGUE: dict[str, tuple[str, str]] = {**supervision.CATALOGUE,
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
    "demo.loaded": ("已载入 {n} 个计划：{programmes} → {db}", "Loaded {n} {n:programme|programmes}: {programmes} → {db}"),
    "demo.shown": ("上表为有进展报送的计划 {programmes}，按序时进度判断，截至 {on}；{others} 已载入，尚无报送。",
                   "Above: {programmes}, the programmes with reported progress, judged by 序时进度 (pro-rata) as of "
                   "{on}; {others} are loaded, with no reports yet."),
    "demo.next": ("接下来可以试试：", "Try next:"),
    "demo.next.show": ("一项任务：各节点目标与报送记录", "one task: its checkpoints and reports"),
    "demo.next.status": ("全部 {n} 个计划的进度表", "the status of all {n} {n:programme|programmes}"),
    "demo.next.value": ("<数值>", "<value>"),
    "demo.next.log": ("登记单位报送的累计数（--as-of 报送截至日期）", "record a unit's cumulative report (--as-of its date)"),
    "demo.next.report": ("向人大报告的半年一览表", "the half-year 一览表 for the people's congress"),
    "demo.next.units": ("各牵头单位：完成、滞后、未报送", "per lead unit: done, behind, without a report"),
    "demo.programme": ("{code}（{tasks} 项任务）", "{code} ({tasks} {tasks:task|tasks})"),
    # status table (mstrack status)
    "status.title": ("民生实事进度 截至 {on}{rule}", "Livelihood projects: progress as of {on}{rule}"),
    "status.title_of": ("{programme} · {title}", "{programme} · {title}"),
    "table.omitted": ("此宽度下未显示：{columns}（加宽终端或用 --format json 查看全部）",
                      "Left out at this width: {columns} (a wider terminal or --format json shows all)"),
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
    "col.share": ("年度完成率", "% of target"),
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
    "schedule.final": ("{n}个节点", "{n} {n:checkpoint|checkpoints}"),
    "schedule.count": ("{n}个", "{n}"),
    "schedule.met": ("第{n}项节点完成", "checkpoint {n} met"),
    "stale.mark": ("·久未报", " · stale"),
    "status.caption": ("共 {n} 行：{summary}", "{n} {n:row|rows}: {summary}"),
    "status.caption_item": ("{label} {n}", "{label} {n}"),
    "status.empty": ("没有符合条件的指标", "No indicator matches"),
    "status.stale": ("；{n} 行最近一次报送已超过期限（久未报）",
                     "; {n} {n:row has|rows have} a latest report older than the limit (stale)"),
    "status.disagree": ("；{n} 项任务的计算状态与报告评价不一致（≠）",
                        "; {n} {n:task's computed status disagrees|tasks' computed statuses disagree} with the report's own word (≠)"),
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
    "task.next_steps": ("下一步", "Next steps"),
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
                      "{n} {n:unit|units}; done % = mean of the indicators' share of the annual target (capped at 100%)"),
    # weekly report
    "weekly.title": ("民生实事进度周报", "Livelihood projects: weekly report"),
    "weekly.subtitle": ("截至 {on}（上期 {since}）", "As of {on} (previous report {since})"),
    "weekly.rule": ("按序时进度（pro-rata）计算", "expected by the pro-rata rule (序时进度)"),
    "weekly.summary": ("共{tasks}项任务：{parts}，截至 {on}", "Of {tasks} {tasks:task|tasks}: {parts}, as of {on}"),
    "weekly.rows": ("（共 {n} 个指标：{parts}）", "({n} {n:indicator|indicators}: {parts})"),
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
    "table.summary": ("共{areas}个项目、{tasks}项具体任务：{parts}。",
                      "{areas} {areas:project|projects}, {tasks} {tasks:task|tasks}: {parts}."),
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
    # history of values and batches of writes (mstrack history, mstrack batches)
    "history.title": ("{ref} 报送历史", "{ref}: reports, corrections included"),
    "history.none": ("尚无报送", "No reports yet"),
    "history.indicator": ("指标", "Indicator"),
    "history.as_of": ("截至", "As of"),
    "history.value": ("数值", "Value"),
    "history.state": ("状态", "State"),
    "history.note": ("备注", "Note"),
    "history.reporter": ("填报人", "Reported by"),
    "history.entered": ("录入时间", "Entered"),
    "history.batch": ("批次", "Batch"),
    "history.reason": ("原因", "Reason"),
    "history.current": ("有效", "current"),
    "history.superseded": ("已更正", "corrected"),
    "history.retracted": ("已撤销", "retracted"),
    "history.superseded_by": ("（→#{n}）", " (→#{n})"),
    "history.retracted_by": ("（批次{n}）", " (batch {n})"),
    "batches.title": ("写入批次", "Batches of writes"),
    "batches.batch": ("批次", "Batch"),
    "batches.time": ("时间", "Time"),
    "batches.user": ("用户", "User"),
    "batches.command": ("命令", "Command"),
    "batches.source": ("来源", "Source"),
    "batches.added": ("新增报送", "Reports added"),
    "batches.retracted": ("撤销报送", "Reports retracted"),
    "batches.reason": ("原因", "Reason"),
    "batches.remark": ("说明", "Note"),
    "batches.undoes": ("撤销批次 {n}", "undoes batch {n}"),
    "batches.undone_by": ("已被批次 {n} 撤销", "undone by batch {n}"),
    "list.semi": ("；", "; "),
    # command-line messages
    "msg.written": ("{what} → {path}", "{what} → {path}"),
    "msg.units": ("单位汇总", "unit rollup"),
    "msg.weekly": ("周报", "weekly report"),
    "msg.half-year": ("半年报告一览表", "half-year table"),
    "msg.annual": ("全年报告一览表", "annual table"),
}

# English template → Chinese template: the command line's errors, warnings and lines (gettext style).
# The fields are the same in both; locations (FILE:ROW:COLUMN), options, values, codes and units stay as they are.
MESSAGES: dict[str, str] = {**supervision.MESSAGES, **database.MESSAGES,
    # the command line (cli/)
    "mstrack: error: {message}": "mstrack: 错误：{message}",
    "mstrack: warning: {message}": "mstrack: 警告：{message}",
    "mstrack: note: {message}": "mstrack: 提示：{message}",
    "--db {db}: PostgreSQL needs the psycopg driver, which is not installed here; install mstrack with it: "
    "pip install 'mstrack[postgres]'":
        "--db {db}：PostgreSQL 需要 psycopg 驱动，此处未安装；请安装带驱动的 mstrack：pip install 'mstrack[postgres]'",
    "--db {db}: the database driver is not installed ({error})": "--db {db}：未安装数据库驱动（{error}）",
    "{n} more {n:warning|warnings} ({same} of them like the ones above); --verbose shows every one":
        "另有 {n} 条警告（其中 {same} 条与上面同类）；加 --verbose 显示全部",
    "unchanged: {value} as of {on} is already recorded, with the same note; nothing written":
        "未变：截至 {on} 的 {value} 已登记，备注相同；未写入",
    "{label}: {what}": "{label}：{what}",
    "--db: empty; give a database file path or an SQLAlchemy URL": "--db：为空；请给出数据库文件路径或 SQLAlchemy URL",
    "{option} {db}: the directory {directory} does not exist; create it first, or check the path":
        "{option} {db}：目录 {directory} 不存在；请先创建，或检查路径",
    "the year of these programmes ({year}) is over: judged as of today, {today}; add --as-of to see the year "
    "as it stood (e.g. --as-of {year}-12-31, or --as-of 6月底)":
        "这些计划的 {year} 年度已经结束：按今天（{today}）判断；加 --as-of 查看当年情况（如 --as-of {year}-12-31 或 --as-of 6月底）",
    ", ": "，",
    "; ": "；",
    "{option}: {error}": "{option}：{error}",
    "{option} {value!r}: expected one of {choices}": "{option} {value!r}：应为以下之一：{choices}",
    "database: {reason}": "数据库：{reason}",
    "database: this user may only read here ({reason}); status, show, units and report work, writes need a user with "
    "write access": "数据库：当前用户在这里只能读（{reason}）；status、show、units 和 report 可以使用，写入需要有写权限的用户",
    "{db}: schema version {version}, up to date": "{db}：数据库结构版本 {version}，已是最新",
    "{db}: schema version {before} → {after}": "{db}：数据库结构版本 {before} → {after}",
    "{path}: {code}: unchanged": "{path}：{code}：没有变化",
    "{path}: {code}: {added} {added:task|tasks} added, {updated} updated, {removed} removed (batch {batch})":
        "{path}：{code}：新增任务 {added} 项，更新 {updated} 项，删除 {removed} 项（批次 {batch}）",
    "{n} {n:problem|problems}; nothing was written": "共 {n} 处问题；没有写入任何数据",
    "{new} new, {corrected} corrected, {unchanged} already there, {skipped} empty rows skipped; "
    "{written} {written:report|reports} would be written":
        "新增 {new} 条，更正 {corrected} 条，已有 {unchanged} 条，跳过空行 {skipped} 行；将写入 {written} 条报送",
    "{new} new, {corrected} corrected, {unchanged} already there, {skipped} empty rows skipped; "
    "{written} {written:report was|reports were} written":
        "新增 {new} 条，更正 {corrected} 条，已有 {unchanged} 条，跳过空行 {skipped} 行；已写入 {written} 条报送",
    "reading row {task.completed}": "正在读取第 {task.completed} 行",
    "--programme {code!r}: use lowercase letters, digits and '-'": "--programme {code!r}：只能用小写字母、数字和“-”",
    "--output {path}: exists already; choose a new file name": "--output {path}：文件已存在；请换一个文件名",
    "--output {path}: a template is an .xlsx file": "--output {path}：报送模板须为 .xlsx 文件",
    "--output: an .{fmt} report is written to a file; add -o FILE.{fmt}": "--output：.{fmt} 报告须写入文件；请加上 -o FILE.{fmt}",
    "{file} → {output}: {stats}": "{file} → {output}：{stats}",
    "{n} {n:area|areas}": "{n} 个项目",
    "{n} {n:task|tasks}": "{n} 项任务",
    "{n} {n:line|lines}": "{n} 行分工",
    "{n} {n:checkpoint|checkpoints}": "{n} 个节点",
    "{n} {n:indicator|indicators}": "{n} 个指标",
    "{n} numeric milestones": "{n} 个数值节点目标",
    "{n} text only tasks": "{n} 项纯文字任务",
    "{n} unplaced numbers": "{n} 个未归入指标的数字",
    "{n} {n:row|rows} → {path}": "{n} 行 → {path}",
    "batch {batch} undoes batch {undone}: {what}": "批次 {batch} 撤销批次 {undone}：{what}",
    "{n} {n:report retracted|reports retracted}": "撤回报送 {n} 条",
    "{n} restored": "恢复 {n} 条",
    "{code} put back as it was": "{code} 已恢复原样",
    "--to {db}: row counts differ after the copy: {copied} != {counts}": "--to {db}：复制后行数不一致：{copied} != {counts}",
    "--to {db}: the status differs after the copy": "--to {db}：复制后进度状态不一致",
    "{source} → {target}: {rows} {rows:row|rows} in {tables} {tables:table|tables}, row counts and status verified":
        "{source} → {target}：{tables} 张表共 {rows} 行，行数和进度状态已核对无误",
    "{db}: ok": "{db}：正常",
    "--programme {code!r}: no such programme; did you mean: {codes}": "--programme {code!r}：没有这个计划；您是否要找：{codes}",
    "--programme {code!r}: no such programme; known: {codes}": "--programme {code!r}：没有这个计划；已有：{codes}",
    "--programme {code!r}: no such programme; known: none": "--programme {code!r}：没有这个计划；目前还没有任何计划",
    "--programme: which programme's {kind} report? e.g. --programme yantian-2023":
        "--programme：要出哪个计划的 {kind} 报告？例如 --programme yantian-2023",
    "--since {since}: must be before --as-of {on}": "--since {since}：须早于 --as-of {on}",
    "frozen as report {number}: `mstrack report diff {number}` compares it with later corrections":
        "已存档为第 {number} 号报告：`mstrack report diff {number}` 可将它与之后的更正比较",
    "report {number} ({kind}, as of {on}, frozen {when}): {n} {n:change|changes} since it was sent":
        "第 {number} 号报告（{kind}，截至 {on}，存档于 {when}）：发出后有 {n} 处变化",
    "{number}\t{when}\t{user}\t{kind}\t{scope}\tas of {on}": "{number}\t{when}\t{user}\t{kind}\t{scope}\t截至 {on}",
    "all": "全部",
    # plan files (plan.py)
    "{source}: {path}: {reason}": "{source}：{path}：{reason}",
    "{source}: [programme]: missing table": "{source}：[programme]：缺少此表",
    "{path}: cannot read: {reason}": "{path}：无法读取：{reason}",
    "{path}: not UTF-8 text (byte {byte})": "{path}：不是 UTF-8 文本（第 {byte} 字节）",
    "{path}: not valid TOML: {error}": "{path}：不是有效的 TOML：{error}",
    "unknown key (expected one of {keys})": "未知的键（应为以下之一：{keys}）",
    "missing": "缺少",
    "empty": "为空",
    "expected text, got {value!r}": "应为文字，实际为 {value!r}",
    "expected a list of names": "应为名称列表",
    "expected a number, got {value!r}": "应为数字，实际为 {value!r}",
    "expected a finite number": "应为有限的数字",
    "expected a date such as 2023-06-30, got {value!r}": "应为日期（例如 2023-06-30），实际为 {value!r}",
    "expected a list of tables": "应为表的列表",
    "this mstrack reads format {version}, the file says {found!r}": "本版 mstrack 读取格式 {version}，文件中为 {found!r}",
    "{code!r}: use lowercase letters, digits and '-'": "{code!r}：只能用小写字母、数字和“-”",
    "expected a year such as 2023, got {year!r}": "应为年份（例如 2023），实际为 {year!r}",
    "{end} is before start {start}": "{end} 早于开始日期 {start}",
    "expected one of {choices}, got {value!r}": "应为以下之一：{choices}，实际为 {value!r}",
    "expected a count of tasks, got {value!r}": "应为任务数，实际为 {value!r}",
    "two areas share a code": "两个项目的编号相同",
    "expected the document's task number, got {value!r}": "应为文件中的任务编号，实际为 {value!r}",
    "task {code} appears twice": "任务 {code} 出现了两次",
    "no area with code {area!r}": "没有编号为 {area!r} 的项目",
    "{link!r}: expected PROGRAMME/CODE, for example shenzhen-2023/28": "{link!r}：应为“计划/编号”，例如 shenzhen-2023/28",
    "a task needs at least one line": "每项任务至少要有一行",
    "indicator name {name!r} is used twice; names are unique per task": "指标名称 {name!r} 重复；同一任务内指标名称不能相同",
    "a line needs a lead unit (牵头单位)": "每行都要有牵头单位",
    "checkpoints must be in date order, one per date": "节点须按日期先后排列，每个日期一个",
    "milestones must be in date order, one per date": "节点目标须按日期先后排列，每个日期一个",
    "only a text-only line carries reports; put them on its indicators": "只有纯文字的进度安排才直接带报送；请写在其指标下",
    "expected how many checkpoints were met, 1 to {most}": "应为已完成的节点个数，1 到 {most}",
    "an increment reading needs the number as printed": "按增量读取时须填写原文数字（printed）",
    "expected the running sum {total}, got {target}": "应为累计数 {total}，实际为 {target}",
    # quantities and dates (domain/quantities.py, domain/dates.py, sources/table/)
    "empty value": "数值为空",
    "{value} is not a quantity: expected a number such as 3.2万 or 65%": "{value} 不是数量：应为数字，例如 3.2万 或 65%",
    "{value} is not a number": "{value} 不是数字",
    "{value} is not a finite number": "{value} 不是有限的数字",
    "{value} holds more than one number; give one value": "{value} 含有不止一个数字；请只填一个数值",
    "month {month} does not exist": "不存在 {month} 月",
    "empty date": "日期为空",
    "{value} is not a date: {year}-{month:02d}-{day:02d} does not exist": "{value} 不是日期：没有 {year}-{month:02d}-{day:02d} 这一天",
    "{value} has no year": "{value} 没有年份",
    "{value} is not a date mstrack can read (try 2023-06-30 or 6月底)": "{value} 不是 mstrack 能识别的日期（可写作 2023-06-30 或 6月底）",
    "{label!r} is not a period": "{label!r} 不是时间段",
    # recording progress (progress.py)
    "{name} (text-only)": "{name}（纯文字）",
    "{name} ({unit})": "{name}（{unit}）",
    "{label} has no text-only line to mark done; give a number ({listing})":
        "{label} 没有可标记完成的纯文字进度安排；请填写数值（{listing}）",
    "{label} has only text-only lines; mark a checkpoint met with --done (or 已完成)":
        "{label} 只有纯文字的进度安排；请用 --done（或“已完成”）标记节点完成",
    "{label} has {n} {n:indicator|indicators}; name one: {names}": "{label} 有 {n} 个指标；请指明其中一个：{names}",
    "indicator {name!r} is ambiguous in {label}: {names}": "指标 {name!r} 在 {label} 中不止一个：{names}",
    "{label} has no indicator {name!r}; its indicators: {listing}": "{label} 没有指标 {name!r}；其指标有：{listing}",
    "{value}: {indicator} counts a number, not a percentage; give the count": "{value}：{indicator} 以数量计，不是百分比；请填写数量",
    "{value}: {indicator} counts {unit}, not a percentage; give the count": "{value}：{indicator} 以“{unit}”计，不是百分比；请填写数量",
    "{value}: unit {unit!r} does not match {indicator}'s unit {expected!r}":
        "{value}：单位 {unit!r} 与 {indicator} 的单位 {expected!r} 不符",
    "{value}: {indicator} is a percentage; give it as 65%": "{value}：{indicator} 是百分比；请按 65% 的形式填写",
    "{value}: a reported value cannot be negative": "{value}：报送的数值不能为负数",
    "{indicator}: {value}% is above 100%": "{indicator}：{value}% 超过 100%",
    "give either VALUE or --done, not both": "VALUE 和 --done 只能给一个",
    "missing VALUE (or --done to mark a text-only checkpoint met)": "缺少 VALUE（或用 --done 标记纯文字节点完成）",
    "--indicator: {error}": "--indicator：{error}",
    "--as-of: {error}": "--as-of：{error}",
    "--as-of {on}: a report cannot be dated in the future (today is {today})": "--as-of {on}：报送日期不能晚于今天（今天是 {today}）",
    "--as-of {on}: before the programme starts ({start})": "--as-of {on}：早于计划开始日期（{start}）",
    "{label}: all {n} checkpoints are already marked met": "{label}：全部 {n} 个节点都已标记完成",
    "checkpoint {n}/{total} ({label}) met": "第 {n}/{total} 个节点（{label}）已完成",
    "VALUE {error}": "VALUE {error}",
    "{label}: {value} as of {on} is lower than the {earlier} reported as of {earlier_on}; values are cumulative":
        "{label}：截至 {on} 的 {value} 低于截至 {earlier_on} 已报送的 {earlier}；数值应为累计数",
    "{value} as of {on}": "截至 {on} 为 {value}",
    "{what}, correcting {old}": "{what}，更正原值 {old}",
    "{label}: {what} (batch {batch}, by {reporter})": "{label}：{what}（批次 {batch}，填报人 {reporter}）",
    # importing progress sheets (progress_import.py, sheets.py)
    "{place}: {reason}": "{place}：{reason}",
    "{path}:{line}: {warning}": "{path}:{line}：{warning}",
    "{path}: no programme column (计划) and no --programme": "{path}：没有“计划”列，也没有给出 --programme",
    "{path}: no date column (截至日期) and no --as-of": "{path}：没有“截至日期”列，也没有给出 --as-of",
    "the formula {formula} has no saved value; open the file in Excel/WPS and save it":
        "公式 {formula} 没有保存计算结果；请用 Excel/WPS 打开文件再保存",
    "no task number in this row": "本行没有任务编号",
    "no programme {code!r}": "没有计划 {code!r}",
    "{code} has no task {task!r}": "{code} 没有任务 {task!r}",
    "no date": "没有日期",
    "{on} is in the future": "{on} 晚于今天",
    "{on} is outside the programme's year {year}": "{on} 不在计划年度 {year} 内",
    "{indicator} is a text-only line: give 已完成 or how many of its {total} checkpoints are met":
        "{indicator} 是纯文字的进度安排：请填写“已完成”，或其 {total} 个节点中已完成的个数",
    "{indicator} prints no annual target to be {value} against; give the number": "{indicator} 没有年度目标，无法按“{value}”计；请填写数值",
    "{place}: {ref} {indicator} as of {on} is {value} here but {other} at {other_place}":
        "{place}：{ref} {indicator} 截至 {on} 在这里是 {value}，在 {other_place} 却是 {other}",
    "{place}: {ref} {indicator} {value} as of {on} is lower than {earlier} as of {earlier_on}":
        "{place}：{ref} {indicator} 截至 {on} 的 {value} 低于截至 {earlier_on} 的 {earlier}",
    "{path}: the file is empty": "{path}：文件为空",
    # limits on every input (inputs.py) and on spreadsheets (sheets.py)
    "argument {value}": "参数 {value}",
    "control character {code} ({name}) at character {at}; only tab and line breaks are allowed":
        "第 {at} 个字符是控制字符 {code}（{name}）；只允许制表符和换行",
    "{n} characters is more than mstrack keeps in one text ({limit})": "{n} 个字符，超过 mstrack 一段文字的上限（{limit} 个字符）",
    "beyond what mstrack stores: at most {limit} (1e15) either side of zero": "超出 mstrack 能保存的范围：绝对值不超过 {limit}（1e15）",
    "year {year} is outside {low}–{high}": "年份 {year} 不在 {low}–{high} 之间",
    "{path}: not valid TOML: nested more than {depth} levels deep": "{path}：不是有效的 TOML：嵌套超过 {depth} 层",
    "{path}: file name: {problem}": "{path}：文件名：{problem}",
    "an integer of more than {n} digits": "整数超过 {n} 位",
    "{value}: {problem}": "{value}：{problem}",
    "{value} is not a date: {problem}": "{value} 不是日期：{problem}",
    "{value} is not a date: a date has no sign": "{value} 不是日期：日期前面不能有正负号",
    "{path}: sheet {sheet!r} reaches row {rows} and column {column}: {cells} cells, more than mstrack reads in one sheet "
    "({limit}); delete what lies beyond the table, or split it":
        "{path}：工作表 {sheet!r} 延伸到第 {rows} 行、第 {column} 列，共 {cells} 个单元格，超过 mstrack 一张工作表的上限（{limit}）；"
        "请删除表格以外的内容，或拆分文件",
    "{path}: sheet {sheet!r} has {n} merged ranges, more than mstrack reads ({limit})":
        "{path}：工作表 {sheet!r} 有 {n} 个合并区域，超过 mstrack 的上限（{limit}）",
    "{path}: merged ranges cover {cells} cells, more than mstrack reads in one sheet ({limit})":
        "{path}：合并区域共覆盖 {cells} 个单元格，超过 mstrack 一张工作表的上限（{limit}）",
    "{path}: unpacks to {size} MB, more than mstrack reads ({limit} MB)": "{path}：解压后有 {size} MB，超过 mstrack 的上限（{limit} MB）",
    "{path}: {size} MB is more than mstrack reads in one file ({limit} MB); split it":
        "{path}：{size} MB 超过 mstrack 单个文件的上限（{limit} MB）；请拆分后再导入",
    "--sheet {sheet}: {path} is a text file and has no sheets": "--sheet {sheet}：{path} 是文本文件，没有工作表",
    "{path}: unknown file type {suffix}; use .csv, .tsv, .xlsx, .xls or .ods":
        "{path}：未知的文件类型 {suffix}；请用 .csv、.tsv、.xlsx、.xls 或 .ods",
    "{path}: unknown file type {suffix}; use .csv, .tsv, .xlsx, .xls, .ods, .docx or .html":
        "{path}：未知的文件类型 {suffix}；请用 .csv、.tsv、.xlsx、.xls、.ods、.docx 或 .html",
    "{path}: not a readable {suffix} file ({kind}: {error})": "{path}：无法读取的 {suffix} 文件（{kind}: {error}）",
    "{path}: the workbook has no worksheet": "{path}：工作簿中没有工作表",
    "{path}: no table found in the document": "{path}：文档中没有表格",
    "--table {number}: {path} has {n} {n:table|tables}": "--table {number}：{path} 只有 {n} 个表格",
    "{path}: a table spans {cells} cells or more, more than mstrack reads in one table ({limit})":
        "{path}：表格跨越 {cells} 个以上单元格，超过 mstrack 一张表格的上限（{limit}）",
    "{path}: not readable as {encoding} text (byte {byte})": "{path}：无法按 {encoding} 编码读取（第 {byte} 字节）",
    "(none)": "（无）",
    "{path}: not a text file (binary content at byte {byte})": "{path}：不是文本文件（第 {byte} 字节处是二进制内容）",
    "{path}: not a text file: neither UTF-8 nor GB18030 text": "{path}：不是文本文件：既不是 UTF-8 也不是 GB18030 编码",
    "{path}:{line}: not readable as CSV: {error}": "{path}:{line}：无法按 CSV 读取：{error}",
    "{path}: not a readable .xlsx file ({kind}: {error})": "{path}：无法读取的 .xlsx 文件（{kind}: {error}）",
    "--sheet {sheet!r}: {path} has no such sheet; its sheets: {sheets}": "--sheet {sheet!r}：{path} 中没有这个工作表；其工作表有：{sheets}",
    "{path}:{line}: two columns mean {field}: {first!r} and {second!r}": "{path}:{line}：有两列都表示 {field}：{first!r} 和 {second!r}",
    "{path}: no header row found in the first {n} rows (needs {wanted})": "{path}：前 {n} 行中没有找到表头（需要 {wanted}）",
    # the store (store/)
    "task reference {ref!r}: expected PROGRAMME/CODE, for example shenzhen-2023/5": "任务 {ref!r}：应写作“计划/编号”，例如 shenzhen-2023/5",
    "--db {db}: {error}": "--db {db}：{error}",
    "--db {db}: use the server's own tools (pg_dump) to back it up": "--db {db}：请用数据库服务器自己的工具（pg_dump）备份",
    "{path}: exists already; choose a new file name": "{path}：文件已存在；请换一个文件名",
    "backup: the copy fails its check: {problem}; nothing was written": "备份：副本未通过检查：{problem}；未写入任何文件",
    "{option} {path}: cannot write: {reason}": "{option} {path}：无法写入：{reason}",
    "cannot write the output: {reason}": "无法写出输出：{reason}",
    "{option} {path}: that is the database itself (or one of its files); choose another file name":
        "{option} {path}：这就是数据库本身（或其附属文件）；请换一个文件名",
    "--db {db}: upgrade it first (`mstrack db upgrade`)": "--db {db}：请先升级（`mstrack db upgrade`）",
    "--to {db}: schema version {version}; copy into an empty database": "--to {db}：数据库结构版本为 {version}；请复制到空数据库",
    "--to {db}: not empty; copy into an empty database": "--to {db}：不是空的；请复制到空数据库",
    "schema version {version}, this mstrack needs {needed} (run `mstrack db upgrade`)":
        "数据库结构版本为 {version}，本版 mstrack 需要 {needed}（请运行 `mstrack db upgrade`）",
    "integrity: {problem}": "完整性：{problem}",
    "foreign key: {table} row {row} points to a missing {parent} row": "外键：{table} 表第 {row} 行指向 {parent} 表中不存在的行",
    "--db {db}: cannot open the database: {reason}": "--db {db}：无法打开数据库：{reason}",
    "--db {db}: its driver's parameter style {style!r} is not supported; use SQLite or PostgreSQL with psycopg":
        "--db {db}：不支持其驱动的参数写法 {style!r}；请使用 SQLite，或通过 psycopg 使用 PostgreSQL",
    "--db {db}: schema version {version} is newer than this mstrack ({known}); upgrade mstrack":
        "--db {db}：数据库结构版本 {version} 比本版 mstrack（{known}）新；请升级 mstrack",
    "--db {db}: no mstrack data here yet; run `mstrack init` or `mstrack demo`":
        "--db {db}：这里还没有 mstrack 数据；请运行 `mstrack init` 或 `mstrack demo`",
    "--db {db}: schema version {version}, this mstrack needs {needed}; run `mstrack db upgrade` (back it up first with "
    "`mstrack db backup FILE`)": "--db {db}：数据库结构版本为 {version}，本版 mstrack 需要 {needed}；请运行 `mstrack db upgrade`"
                                 "（先用 `mstrack db backup FILE` 备份）",
    "--db {db}: cannot create it: {reason}": "--db {db}：无法创建：{reason}",
    "no programme {code!r}; {hint}": "没有计划 {code!r}；{hint}",
    "known: {codes}": "已有：{codes}",
    "no programme is loaded yet (try `mstrack demo`)": "还没有载入任何计划（可先试 `mstrack demo`）",
    "{programme} has no task {code!r}; its tasks are {codes}": "{programme} 没有任务 {code!r}；其任务有：{codes}",
    "no frozen report {number}": "没有第 {number} 号存档报告",
    "no frozen report yet: print one with `mstrack report weekly --freeze`":
        "还没有存档的报告：可用 `mstrack report weekly --freeze` 出一份并存档",
    "no batch {batch}; see `mstrack batches`": "没有批次 {batch}；见 `mstrack batches`",
    "nothing to undo yet": "还没有可撤销的写入",
    "batch {batch} was already undone by batch {undo}; undo {undo} to restore it":
        "批次 {batch} 已被批次 {undo} 撤销；撤销批次 {undo} 即可恢复",
    "--unit {unit!r}: no such unit; {hint}": "--unit {unit!r}：没有这个单位；{hint}",
    "did you mean: {names}": "您是否要找：{names}",
    "see `mstrack units` for unit names": "单位名称见 `mstrack units`",
    "the new plan drops what reports hang on; nothing was written:\n{lost}": "新计划删去了已有报送的内容；没有写入任何数据：\n{lost}",
    "{code} was created by that batch and reports hang on it; it cannot be removed:\n{lost}":
        "{code} 由该批次创建，且已有报送；不能删除：\n{lost}",
    "  {label} has reports": "  {label} 已有报送",
    "MSTRACK_BUSY_TIMEOUT {value!r}: expected a number of seconds from 0 to 86400, for example 30":
        "MSTRACK_BUSY_TIMEOUT {value!r}：应为 0 到 86400 之间的秒数，例如 30",
    "--db {db}: another write is in progress ({holder}); gave up after {seconds} s (MSTRACK_BUSY_TIMEOUT); "
    "nothing was written, try again when it is done":
        "--db {db}：另一个写入正在进行（{holder}）；等待 {seconds} 秒后放弃（MSTRACK_BUSY_TIMEOUT）；没有写入任何数据，请待其完成后重试",
    "{command} by {user}, process {pid}, since {since}": "{user} 的 {command}，进程 {pid}，始于 {since}",
    "{what} (server process {server})": "{what}（服务器进程 {server}）",
    "its command is not known": "不知是哪条命令",
    "undoing batch {batch} would bring back values over {n} newer {n:entry|entries}; nothing was written:\n{entries}\n"
    "undo with --force to bring them back all the same (what it overrides is kept with the undo)":
        "撤销批次 {batch} 会恢复的数值将覆盖 {n} 条更新的记录；没有写入任何数据：\n{entries}\n"
        "如仍要恢复，请加 --force（被覆盖的记录会随撤销批次保存）",
    "{ref} {indicator} as of {on}: {value}{unit} (batch {batch})": "{ref} {indicator} 截至 {on}：{value}{unit}（批次 {batch}）",
    "{label} line {n}": "{label} 第 {n} 行",
    "{label} indicator {name!r}": "{label} 指标 {name!r}",
    # published tables (sources/table/)
    "{path}: row {row}, column {column}": "{path}：第 {row} 行，{column} 列",
    "{path}: row {row}, column {column} ({header})": "{path}：第 {row} 行，{column} 列（{header}）",
    "{path}: no sheet named {sheet!r} (sheets: {sheets})": "{path}：没有名为 {sheet!r} 的工作表（工作表有：{sheets}）",
    "{path}: empty file": "{path}：文件为空",
    "{path}: an old .xls workbook named {suffix}: rename it .xls": "{path}：这是旧版 .xls 工作簿，扩展名却是 {suffix}：请改名为 .xls",
    "{path}: --sheet applies to workbooks only": "{path}：--sheet 只适用于工作簿",
    "{path}: --sheet applies to workbooks only; a document's tables are picked with --table":
        "{path}：--sheet 只适用于工作簿；文档中的表格请用 --table 选择",
    "{path}: --table applies to .docx and .html documents only": "{path}：--table 只适用于 .docx 和 .html 文档",
    "{path}: no header row found: expected a row naming a task column (工作任务, 实施内容, 实事项目, 项目内容 …) and a schedule, "
    "deadline or unit column (进度安排, 实施计划, 完成时限, 牵头单位, 责任单位 …)":
        "{path}：没有找到表头：应有一行写明任务列（工作任务、实施内容、实事项目、项目内容 …）和进度、时限或单位列"
        "（进度安排、实施计划、完成时限、牵头单位、责任单位 …）",
    "{place}: {code!r} is not a task number": "{place}：{code!r} 不是任务编号",
    "{place}: a row of schedule or units before any task": "{place}：第一项任务之前出现了进度或单位行",
    "{place}: task {code} appears twice (first at row {first})": "{place}：任务 {code} 出现了两次（第一次在第 {first} 行）",
    "{place}: task {code} has no text": "{place}：任务 {code} 没有内容",
    "{path}: row {row}: a header but no task rows below it": "{path}：第 {row} 行：有表头，下面却没有任务行",
    "{place}: {error}": "{place}：{error}",
    "task {code}: 完成时限 “{deadline}” names a start, not a completion; its targets are kept without milestones":
        "任务 {code}：完成时限“{deadline}”写的是开始而不是完成时间；其目标不设节点目标",
    "task {code}: 完成时限 “{deadline}” names no date; kept as deadline_text":
        "任务 {code}：完成时限“{deadline}”没有写明日期；保留为 deadline_text",
    "task {code}: undated schedule text “{text}”: its numbers are left as text":
        "任务 {code}：进度安排“{text}”没有日期：其中的数字保留为文字",
    "task {code}, {due}: “{text}” not placed on an indicator; left as checkpoint text":
        "任务 {code}，{due}：“{text}”没有归入指标；保留为节点文字",
    "task {code}: no quantity read; a text-only task judged by its checkpoints": "任务 {code}：没有读出数量；作为纯文字任务，按节点判断",
    "task {code}: “{text}” has no dated checkpoint; kept as a target without milestones":
        "任务 {code}：“{text}”没有带日期的节点；保留为不设节点目标的目标",
    "task {code}: “{name}” read as per-period amounts ({printed}); milestones are running totals ({totals})":
        "任务 {code}：“{name}”按各期增量读取（{printed}）；节点目标为累计数（{totals}）",
    "--year {year!r}: expected a year such as 2023": "--year {year!r}：应为年份，例如 2023",
    "the 完成时限 names a start: read as a checkpoint, not as the deadline": "完成时限写的是开始：读作节点，不作完成时限",
    "a row without 序号 read as part of task {code}; it may be a task of its own":
        "没有序号的一行读作任务 {code} 的一部分；也可能是单独一项任务",
    "“{name}”: figures read as amounts per period and summed; they may be running totals": "“{name}”：数字按各期增量相加；也可能是累计数",
    "“{name}”: a target with no date: due at the deadline, or not this year?":
        "“{name}”：目标没有日期：是在完成时限前完成，还是不在本年？",
    "{path}: row {row}, column {column}: {why}": "{path}：第 {row} 行，{column} 列：{why}",
    "{first}; {more}": "{first}；{more}",
    "check: {doubt}": "请核对：{doubt}",
    "{n} reported values as of {date} → {path}": "{n} 个进展数值（截至 {date}）→ {path}",
    "--progress-as-of {value!r}: {error}": "--progress-as-of {value!r}：{error}",
    "--progress-as-of: {path} exists already; choose a new --output name": "--progress-as-of：{path} 已存在；请换一个 --output 文件名",
    "the target column says {value}, the text beside it “{text}”: the column is read":
        "目标列写的是 {value}，旁边的文字是“{text}”：按目标列读取",
    "--strict: {n} doubtful cells, nothing written:\n{doubts}": "--strict：有 {n} 处存疑的单元格，未写入文件：\n{doubts}",
    "{path}: the converted plan does not validate:\n{error}": "{path}：转换出的计划没有通过校验：\n{error}",
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
        if not fields:
            return text
        return fill(text, fields)

    def message(self, message) -> str:
        """An error, a warning or a line of the command line in this language: each template's Chinese from
        MESSAGES, English where it has none; fields that are messages too are said the same way."""
        render = getattr(message, "render", None)
        if render is None:
            return str(message)
        return render(self.translate)

    def translate(self, template: str) -> str:
        return MESSAGES.get(template, template) if self.lang == "zh" else template

    def status(self, status: str) -> str:
        return self(f"status.{status}")

    def join(self, items) -> str:
        return self("list.and").join(items)

