"""The cells of what a printed report says of plan revisions (reports/revisions.py): the 已取消 section (the tasks a
revision cancelled, counted nowhere else) and the plan changes of 变化; the terminal, Markdown, CSV, HTML and .xlsx
renderers draw them alike. Plain data in, text out."""

from __future__ import annotations

from mstrack.labels import Labels


def task_ref(programme: str, task: str, many: bool) -> str:
    """A task as a report's rows name it: its code, with its programme where the report covers several."""
    return f"{programme}/{task}" if many else task


def cancelled_header(words: Labels) -> list[str]:
    return [words(k) for k in ("col.task", "col.title", "col.code_was", "col.batch", "col.cancelled_on",
                               "col.reports_kept")]


def cancelled_cells(item, many: bool, words: Labels) -> list:
    """A cancelled task: its code now, title, the code it was cancelled from, the revision's batch and day, the reports
    kept on it (a number: right-aligned, a number in the sheet)."""
    return [task_ref(item.programme, item.task, many), item.title, item.code, str(item.batch),
            item.cancelled_on.isoformat() if item.cancelled_on else "", item.reports]


CANCELLED_NUMERIC = {3, 5}


def plan_change_header(words: Labels) -> list[str]:
    return [words(k) for k in ("col.batch", "col.date", "col.file", "col.plan_change")]


def plan_change_cells(item, words: Labels) -> list[str]:
    """A change a revision made, said as `import plan` said it, in the report's language."""
    return [str(item.batch), item.on.isoformat() if item.on else "", item.source or "", words.message(item.change)]


def cancelled_lines(items, words: Labels) -> list[str]:
    """The cancelled tasks as sentences, one each, under a half-year or annual 一览表's summary (its rows are the plan's
    tasks; a cancelled one is none of them): "已取消：4~5 建设口袋公园20个（原编号 4，批次 5 于 2026-12-07 取消），…"."""
    return [words("table.cancelled", task=item.task, title=item.title, code=item.code, batch=item.batch,
                  on=item.cancelled_on.isoformat() if item.cancelled_on else "—", n=item.reports) for item in items]
