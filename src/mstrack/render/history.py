"""Renderers for the audit trail: history of values and batches, the frozen reports and what changed in one since
(`report diff`). Plain data in, text out."""

from __future__ import annotations

import json
from dataclasses import asdict

from mstrack.domain.dates import minute_text
from mstrack.domain.quantities import format_computed, format_number, minus_signed, row_figures
from mstrack.labels import Labels
from mstrack.render.outputs import dump_json
from mstrack.render.status import percent_number
from mstrack.reports.revisions import rename_chain


def history_json(entries) -> str:
    return dump_json([asdict(entry) for entry in entries])


def history_table(entries, ref: str, lang: str = "zh", period: bool = False):
    """The table of `history`: a note folded within the width, once; the rows below it that carry the same
    note for the same date (a unit's report covers several indicators) read 同上, as in the weekly report; who entered
    each (its batch's login, beside the reporter a `--by` named: who changed the figure) where recorded. `period`:
    the entries are those of --since/--until, and none there is no "no reports yet"."""
    from mstrack.render.grid import Column, PlainTable
    from mstrack.render.status import omitted_note, reporter_with_unit

    words = Labels(lang)
    columns = [Column(words(f"history.{key}"), **options) for key, options in (
        ("indicator", {"fold": True, "min_width": 12}), ("as_of", {}), ("value", {"justify": "right"}), ("state", {}),
        ("note", {"fold": True, "min_width": 12, "drop": 2}), ("reporter", {"drop": 3}), ("entered", {"drop": 4}),
        ("entered_by", {"drop": 6, "filled": True}), ("batch", {"justify": "right", "drop": 1}),
        ("reason", {"fold": True, "min_width": 12, "drop": 5}))]
    table = PlainTable(columns, title=words("history.title", ref=ref), title_justify="left",
                       omitted=omitted_note(words))
    above = None
    for entry in entries:
        state = words(f"history.{entry.state}")
        if by := entry.superseded_by_batch or entry.retracted_by:  # the batch that corrected or undid it: a report id never shows
            state += words("history.by_batch", n=by)
        note = words("weekly.ditto") if entry.note and (entry.note, entry.as_of) == above else entry.note or ""
        above = (entry.note, entry.as_of)
        table.add_row(
            entry.indicator, entry.as_of.isoformat(), format_number(entry.value, entry.unit, lang), state, note,
            reporter_with_unit(entry, words), minute_text(entry.entered_at), entry.entered_by or "", str(entry.batch_id or ""),
            entry.reason or "", style="dim" if entry.state != "current" else "",
        )
    if not entries:
        table.caption = words("history.none_in_period" if period else "history.none")
    return table


def plan_history_table(changes, ref: str, lang: str = "zh", period: bool = False):
    """What plan writes changed of a task (store.plan_history): batch, when, the file, the change as `import plan` said
    it; below `history`'s values and `show`'s indicators (trial57 finding 6: a target raised 2000 → 2500 was in neither).
    `period`: the changes are those of `history --since/--until`, and none there is said, as for the values."""
    from mstrack.render.grid import Column, PlainTable
    from mstrack.render.status import omitted_note

    words = Labels(lang)
    columns = [Column(words("history.batch"), justify="right"), Column(words("history.entered"), drop=2),
               Column(words("history.plan_file"), fold=True, min_width=10, drop=1),
               Column(words("history.plan_change"), fold=True, min_width=20)]
    table = PlainTable(columns, title=words("history.plan_title", ref=ref), title_justify="left",
                       omitted=omitted_note(words))
    for change in changes:
        table.add_row(str(change.batch), minute_text(change.created_at), change.source or change.command,
                      words.message(change.change))
    if not changes and period:
        table.caption = words("history.plan_none_in_period")
    return table


def plan_history_json(changes, lang: str = "zh") -> list[dict]:
    """The plan changes of a task as JSON rows, each change in the run's language."""
    words = Labels(lang)
    return [{"batch": change.batch, "at": change.created_at.isoformat(), "command": change.command,
             "source": change.source, "change": words.message(change.change)} for change in changes]


def batches_json(batches) -> str:
    return dump_json([asdict(batch) for batch in batches])


PROGRAMME_KEYS = ("code", "name", "year", "start", "end", "tasks")
"""The keys of each programme in `programmes --format json` (docs/cli.md names each one)."""


def programmes_json(rows) -> str:
    """The programmes as store.programme_rows gives them: dates as ISO text."""
    return dump_json([dict(zip(PROGRAMME_KEYS, (code, name, year, _day(start), _day(end), tasks), strict=True))
                      for code, name, year, start, end, tasks in rows])


def _day(value) -> str:
    """A date column as ISO text: a date from PostgreSQL, text or a date from SQLite."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)[:10]


def batches_table(batches, lang: str = "zh", period: bool = False):
    """The table of `batches`. The source (the file name that tells which import to undo) is never left out:
    it keeps a comfortable width while the user, reason and remark give way, then is cut in its middle
    (慈城鎮第27…正.xlsx), on one line; an empty reason or remark column is left out before anything folds.
    `period` (--since or --until given): none there is said, as `history` says it (an empty table said nothing)."""
    from mstrack.render.grid import COMFORTABLE, Column, PlainTable
    from mstrack.render.status import omitted_note

    words = Labels(lang)
    columns = [Column(words(f"batches.{key}"), **options) for key, options in (
        ("batch", {"justify": "right"}), ("time", {}), ("user", {"drop": 3}), ("command", {}),
        ("source", {"fold": True, "middle": True, "min_width": COMFORTABLE}), ("added", {"justify": "right"}),
        ("retracted", {"justify": "right"}), ("reason", {"fold": True, "min_width": 12, "drop": 4}),
        ("remark", {"fold": True, "min_width": 12, "drop": 1}))]
    table = PlainTable(columns, title=words("batches.title"), title_justify="left", omitted=omitted_note(words))
    for batch in batches:
        remark = []
        if batch.undoes:
            remark.append(words("batches.undoes", n=batch.undoes))
        if batch.undone_by:
            remark.append(words("batches.undone_by", n=batch.undone_by))
        if batch.undone_deleted:  # recorded in undone_deleted (safe41d): reports no undo can bring back
            remark.append(words("batches.undone_deleted", n=batch.undone_deleted))
        table.add_row(
            str(batch.id), minute_text(batch.created_at), batch.user or "", batch.command,
            batch.source or "", str(batch.reports_added), str(batch.reports_retracted), batch.reason or "",
            words("list.semi").join(remark), style="dim" if batch.undone_by else "",
        )
    if not batches and period:
        table.caption = words("batches.none_in_period")
    return table


def frozen_json(snapshots) -> str:
    """The reports kept with --freeze, in `report diff --format json`'s words: snapshot, kind, frozen_at, params."""
    return dump_json([{"snapshot": number, "kind": kind, "frozen_at": when.isoformat(timespec="seconds"), "user": user,
                       "params": params} for number, when, user, kind, params in snapshots])


def frozen_table(snapshots, lang: str = "zh"):
    """The table of `report frozen`, as `batches` prints its own: the number to give `report diff` first; with
    none frozen, the sentence that says how to keep one."""
    if not snapshots:
        return Labels(lang)("frozen.none")
    from mstrack.render.grid import Column, PlainTable
    from mstrack.render.status import omitted_note

    words = Labels(lang)
    columns = [Column(words(key), **options) for key, options in (
        ("frozen.number", {"justify": "right"}), ("frozen.time", {}), ("frozen.kind", {}),
        ("frozen.scope", {"fold": True, "min_width": 16}), ("frozen.as_of", {}), ("batches.user", {"drop": 1}))]
    table = PlainTable(columns, title=words("frozen.title"), title_justify="left", omitted=omitted_note(words))
    for number, when, user, kind, params in snapshots:
        scope = params.get("programme") or ", ".join(params.get("programmes") or []) or words("frozen.all")
        table.add_row(str(number), minute_text(when), words(f"msg.{kind}"), scope, params.get("as_of") or "",
                      user or "")
    return table


SECTIONS = {("summary",): "weekly.summary_sheet", ("behind",): "weekly.behind", ("units",): "weekly.units",
            ("changes", "reports"): "weekly.new_reports", ("changes", "status"): "weekly.status_changes",
            ("areas", "tasks"): "diff.tasks", ("changes", "plan"): "weekly.plan_changes",
            ("cancelled",): "weekly.cancelled", ("silent_units",): "weekly.silent_section"}
"""A report's parts by the keys that lead to their rows, as its printout heads them (单位汇总, 新报送 …)."""
FIELDS = {
    "tasks": "units.tasks", "done": "units.done", "on_track": "units.on_track", "behind": "units.behind",
    "no_report": "units.no_report", "overdue": "units.overdue", "not_due": "units.not_due",
    "completion_rate": "units.completion", "behind_tasks": "units.behind_tasks", "value": "col.value",
    "note": "col.note", "reporter": "col.reporter", "as_of": "col.as_of", "status": "col.status",
    "task_status": "col.status", "before": "col.before", "after": "col.after", "lead_unit": "col.lead_unit",
    "lead_units": "task.lead_units", "title": "col.title", "indicator": "col.indicator", "actual": "col.actual",
    "expected": "col.expected", "target": "col.target", "assessment": "col.assessment", "gap": "col.gap",
    "pace": "col.pace", "share": "col.share", "days_behind": "col.days_behind", "latest": "col.latest",
    "task_counts": "diff.task_counts", "partly_reported": "weekly.partly_reported",
    "indicator_counts": "diff.indicator_counts", "indicators": "weekly.indicators",
    "text": "diff.text", "progress_text": "diff.progress", "progress": "diff.progress", "next_text": "diff.next",
    "next_steps": "diff.next", "problems": "diff.problems", "deadline": "diff.deadline", "units": "units.unit",
    "last_report": "units.last_report",
}
"""A report's JSON fields in the words of its columns; a field not named here is said by its key."""
PERCENTS = {"completion_rate", "percent", "share", "pace", "on_time_rate"}
STATUS_FIELDS = {"status", "task_status", "before", "after"}


def change_line(change, lang: str = "zh", renamed: dict[str, str] | None = None) -> str:
    """A change `report diff` found (reports.diff.Change) in the words of the report's printout, in the run's
    language: where (the part of the report and its row: 单位汇总 慈城鎮), what (完成率), what was sent and what is
    now (50% → 75%). `--format json` keeps the JSON path. `renamed` (reports.revisions.unit_renames): a unit's row
    that went or came by a plan revision's rename is said as renamed."""
    words = Labels(lang)
    lead, rows, fields = [], [], []
    for kind, step in change.steps:
        if kind == "row":
            rows.append(row_name(step, words))
            fields.clear()  # a field of a row within a row (a task's next step): the innermost row's
        elif kind == "key":
            (fields if rows else lead).append(_field(step, words))
        else:
            fields.append(words("diff.item", n=step + 1))
    keys = [step for kind, step in change.steps if kind == "key"]
    known = next((n for n in range(len(lead), 0, -1) if tuple(keys[:n]) in SECTIONS), 0)
    where = words("diff.in").join([*([words(SECTIONS[tuple(keys[:known])])] if known else []), *rows])
    what = " ".join([*lead[known:], *fields]) if rows else " ".join(lead[known:])
    row = next((step for kind, step in reversed(change.steps) if kind == "row"), {})
    key = keys[-1] if keys else ""
    head = "  " + (words("diff.where", where=where) if where else "")
    if isinstance(change.sent, dict) != isinstance(change.now, dict):  # a row that came or went
        came = isinstance(change.now, dict)
        said = _in_short(change.now if came else change.sent, words)
        unit = (change.now if came else change.sent).get("unit")
        if renamed and came and unit in renamed.values():  # a chain said whole: 由 甲局 → 乙局 更名
            old = " → ".join(rename_chain(renamed, unit, after=False))
            return head + words("diff.came_renamed", old=old, what=said)
        if renamed and not came and unit in renamed:
            return head + words("diff.went_renamed", new=" → ".join(rename_chain(renamed, unit, after=True)), what=said)
        return head + words("diff.came" if came else "diff.went", what=said)
    sent, now = _where_they_differ(change.sent, change.now)
    sent, now = (_said(value, key, row, text, words) for value, text in ((change.sent, sent), (change.now, now)))
    return head + " ".join(filter(None, [what, sent, "→", now]))


def _in_short(row: dict, words: Labels) -> str:
    """A row that came or went, by what it says: its value, else its status; a unit's row by its tasks' counts, a
    unit of 本周未报送 by its latest report's day (trial64 F6: either said "—")."""
    if isinstance(row.get("value"), int | float) and not isinstance(row.get("value"), bool):
        return _said(row["value"], "value", row, "", words)
    if isinstance(row.get("unit"), str) and isinstance(row.get("tasks"), int):
        from mstrack.render.report import count_sentence

        return words("diff.unit_row", tasks=row["tasks"], parts=count_sentence(row, words))
    if isinstance(row.get("unit"), str) and "last_report" in row:
        return words("diff.last_report", on=row["last_report"]) if row["last_report"] else words("diff.no_report")
    status = next((row[key] for key in ("after", "task_status", "status") if isinstance(row.get(key), str)), None)
    if status is None and isinstance(row.get("title"), str):  # a cancelled task (已取消): its title
        return row["title"]
    return words.status(status) if status else "—"


def row_name(row: dict, words: Labels) -> str:
    """A row of a report as its printout names it: task and indicator (jiangbei-2023/2 道、觀莊下穿泵站改造), a
    unit (慈城鎮), an area; a report's date beside its indicator."""
    if isinstance(row.get("change"), str):  # a plan change of 变化: its batch and its words (as sent: English)
        return f"{row.get('batch')} {_short(row['change'])}"
    code = row.get("task") or row.get("code")
    ref = f"{row['programme']}/{code}" if row.get("programme") and code else str(code or row.get("programme") or "")
    if row.get("indicator"):
        name = f"{ref} {row['indicator']}".strip()
        return words("diff.as_of", name=name, on=row["as_of"]) if row.get("as_of") else name
    return ref or str(row.get("unit") or row.get("area") or "")


def _field(key: str, words: Labels) -> str:
    return words(FIELDS[key]) if key in FIELDS else key.replace("_", " ")


def _said(value, key: str, row: dict, text: str, words: Labels) -> str:
    """A value as the report prints it: a rate with %, an amount with its unit, a status in words."""
    if value is None:
        return "—"
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return text
    if key in PERCENTS and isinstance(value, int | float):
        return f"{percent_number(value)}%"
    if key in ("expected", "gap") and isinstance(value, int | float) and row.get("indicator"):  # as the row printed it
        figures = row_figures(row.get("target"), row.get("final"), row.get("expected"), row.get("rule"))
        if key == "expected":
            return format_computed(value, row.get("unit") or "", words.lang, figures)
        return minus_signed(format_computed(value, row.get("unit") or "", words.lang, (*figures, row.get("actual"))))
    if key in ("value", "actual", "target") and isinstance(value, int | float) and row.get("indicator"):
        return format_number(value, row.get("unit") or "", words.lang)
    if key in STATUS_FIELDS and isinstance(value, str):
        return words.status(value)
    if key == "last_report" and isinstance(value, str):  # a day, as the units table prints it
        return value
    if isinstance(value, str):
        return words("diff.quoted", text=text[1:-1] if text.startswith('"') and text.endswith('"') else text)
    return format_number(value, "", words.lang)


def _where_they_differ(sent, now) -> tuple[str, str]:
    """Old and new as printed; two long texts from a little before where they part, so that the change shows."""
    if isinstance(sent, str) and isinstance(now, str) and max(len(sent), len(now)) > 60:
        common = next((i for i, (a, b) in enumerate(zip(sent, now, strict=False)) if a != b), min(len(sent), len(now)))
        start = max(0, common - 12)
        if start:
            return _short("…" + sent[start:]), _short("…" + now[start:])
    return _short(sent), _short(now)


def _short(value) -> str:
    """A whole row that came or went is named by its path; long texts are cut."""
    if isinstance(value, dict):  # a row that came or went: who it is and its value, not its every field
        fields = [str(value[key]) for key in ("programme", "task", "indicator", "unit", "as_of", "value", "status")
                  if isinstance(value.get(key), str | int | float) and not isinstance(value.get(key), bool)]
        return "{" + " ".join(fields) + "}" if fields else "{…}"
    if isinstance(value, list):
        return f"[{len(value)}]"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"
