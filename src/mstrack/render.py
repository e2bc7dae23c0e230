"""Renderers: plain data in, text out. A renderer never queries the store."""

from __future__ import annotations

import json
from datetime import date

from .engine import STATUSES, StatusRow

STATUS_LABELS = {
    "done": "已完成", "on_track": "序时推进", "behind": "进度滞后", "no_report": "未报送",
    "overdue": "逾期", "not_due": "未到期",
}
STATUS_STYLES = {
    "behind": "bold red", "no_report": "yellow", "overdue": "magenta", "on_track": "",
    "done": "green", "not_due": "dim",
}
COMPARATOR_WORDS = {">=": "≥", "<=": "≤", "=": ""}


def format_number(value: int | float | None, unit: str = "") -> str:
    """185000 → "18.5万", the way the documents write round counts; 17787 stays as it is."""
    if value is None:
        return "—"
    if unit != "%" and abs(value) >= 10**12 and value % 10**10 == 0:
        text = f"{value / 10**12:.4f}".rstrip("0").rstrip(".") + "万亿"
    elif unit != "%" and abs(value) >= 100_000_000 and value % 1_000_000 == 0:
        text = f"{value / 100_000_000:.4f}".rstrip("0").rstrip(".") + "亿"
    elif unit != "%" and abs(value) >= 10_000 and value % 100 == 0:
        text = f"{value / 10_000:.4f}".rstrip("0").rstrip(".") + "万"
    elif isinstance(value, float) and not value.is_integer():  # pro-rata shares: whole units past 100
        text = f"{value:.0f}" if abs(value) >= 100 else f"{value:.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value)}"
    return text + unit


def dump_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _json_default(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def status_json(rows: list[StatusRow]) -> str:
    return dump_json([row.as_dict() for row in rows])


def status_table(rows: list[StatusRow], counts: dict[str, int], on: date):
    """The weekly table: behind first and in red, CJK aligned by Rich's cell widths.

    Where a progress report judged its tasks, its word stands beside the computed status, marked ≠
    where the two disagree."""
    from rich import box
    from rich.table import Table

    many = len({row.programme for row in rows}) > 1
    rule_words = "，按序时进度" if rows and all(row.rule == "pro-rata" for row in rows) else ""
    table = Table(
        title=f"民生实事进度 截至 {on.isoformat()}{rule_words}", box=box.SIMPLE_HEAVY,
        show_footer=False, header_style="bold",
    )
    table.add_column("任务", no_wrap=True)
    table.add_column("指标", min_width=18, ratio=3, overflow="fold")
    table.add_column("牵头单位", min_width=12, ratio=2, overflow="fold")
    table.add_column("年度目标", justify="right", no_wrap=True)
    table.add_column("序时目标", justify="right", no_wrap=True)
    table.add_column("实际", justify="right", no_wrap=True)
    table.add_column("完成率", justify="right", no_wrap=True)
    table.add_column("状态", no_wrap=True)
    assessed = any(row.assessment for row in rows)
    if assessed:
        table.add_column("报告评价", min_width=6, ratio=1, overflow="fold")
    for row in rows:
        task = f"{row.programme}/{row.task}" if many else row.task
        if row.kind == "schedule":  # counts of checkpoints: due, met, of all
            target = f"{row.final}个节点"
            expected = f"{row.expected}个"
            actual = "—" if row.actual is None else f"{row.actual}个"
        else:
            prefix = COMPARATOR_WORDS[row.comparator]
            target = prefix + format_number(row.target, row.unit) if row.target is not None else "—"
            expected = format_number(row.expected, row.unit)
            actual = format_number(row.actual, row.unit)
        percent = "" if row.percent is None else f"{row.percent:g}%"
        label = STATUS_LABELS[row.status] + ("·久未报" if row.stale else "")
        cells = [task, row.indicator, row.lead_unit, target, expected, actual, percent, label]
        if assessed:
            cells.append(("≠ " if row.agrees is False else "") + (row.assessment or ""))
        table.add_row(*cells, style=STATUS_STYLES[row.status])
    summary = " · ".join(f"{STATUS_LABELS[s]} {counts[s]}" for s in STATUSES if counts.get(s))
    table.caption = f"共 {len(rows)} 行：{summary}" if rows else "没有符合条件的指标"
    stale = sum(1 for row in rows if row.stale)
    if stale:
        table.caption += f"；{stale} 行最近一次报送已超过期限（久未报）"
    disagreeing = len({(row.programme, row.task) for row in rows if row.agrees is False})
    if disagreeing:
        table.caption += f"；{disagreeing} 项任务的计算状态与报告评价不一致（≠）"
    return table


def task_json(detail) -> str:
    return dump_json({
        "programme": detail.programme,
        "programme_name": detail.programme_name,
        "code": detail.code,
        "title": detail.title,
        "area": detail.area,
        "leader": "、".join(detail.leaders),
        "leaders": detail.leaders,
        "lead_units": detail.lead_units,
        "units": detail.units,
        "deadline": detail.deadline.isoformat() if detail.deadline else None,
        "deadline_text": detail.deadline_text,
        "note": detail.note,
        "assessment": detail.assessment,
        "problems": detail.problems,
        "progress": detail.progress,
        "links": detail.links,
        "indicators": [
            {
                "name": ind.indicator,
                "kind": ind.kind,
                "unit": ind.unit,
                "target": ind.target,
                "comparator": ind.comparator,
                "text": ind.text,
                "line": ind.line + 1,
                "lead_units": ind.lead_units,
                "milestones": [
                    {"due": ms.due.isoformat(), "target": ms.target, "text": ms.text, "label": ms.label,
                     "printed": ms.printed}
                    for ms in ind.milestones
                ],
                "reports": [
                    {
                        "as_of": r.as_of.isoformat(), "value": r.value, "note": r.note,
                        "reporter": r.reporter,
                        "entered_at": r.entered_at.isoformat(timespec="seconds") if r.entered_at else None,
                    }
                    for r in ind.reports
                ],
            }
            for ind in detail.indicators
        ],
    })


def task_view(detail, rows_by_indicator: dict[int, StatusRow]):
    """One task for a person: who is in charge, then each indicator's checkpoints and reports."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts = []
    head = Text()
    head.append(f"{detail.programme}/{detail.code}  ", style="bold")
    head.append(detail.title)
    parts.append(head)
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column()
    facts.add_row("计划", detail.programme_name)
    if detail.area:
        facts.add_row("项目", detail.area)
    facts.add_row("分管领导", "、".join(detail.leaders) or "—")
    facts.add_row("牵头单位", "、".join(detail.lead_units) or "—")
    facts.add_row("责任单位", "、".join(detail.units) or "—")
    facts.add_row("完成时限", detail.deadline.isoformat() + (f"（{detail.deadline_text}）" if detail.deadline_text else ""))
    for label, value in (("进展情况", detail.progress), ("评价", detail.assessment), ("存在问题", detail.problems),
                         ("同一目标", "、".join(detail.links)), ("说明", detail.note)):
        if value:
            facts.add_row(label, value)
    parts.append(facts)
    for ind in detail.indicators:
        row = rows_by_indicator.get(ind.indicator_id)
        title = Text()
        title.append(f"\n{ind.indicator}", style="bold")
        if ind.kind == "schedule":
            title.append("  （文字节点，以 log --done 标记完成）", style="dim")
        elif ind.target is not None:
            title.append(f"  目标 {COMPARATOR_WORDS[ind.comparator]}{format_number(ind.target, ind.unit)}")
        if len({tuple(i.lead_units) for i in detail.indicators}) > 1:
            title.append(f"  牵头：{'、'.join(ind.lead_units)}", style="dim")
        if row is not None:
            title.append(f"  {STATUS_LABELS[row.status]}", style=STATUS_STYLES[row.status] or "bold")
        parts.append(title)
        checkpoints = Table(box=box.SIMPLE, show_edge=False, header_style="dim")
        checkpoints.add_column("节点", no_wrap=True)
        checkpoints.add_column("累计目标", justify="right", no_wrap=True)
        checkpoints.add_column("进度安排")
        for ms in ind.milestones:
            checkpoints.add_row(
                f"{ms.due.isoformat()} {ms.label}".strip(),
                format_number(ms.target, ind.unit) if ms.target is not None else "—", ms.text,
            )
        parts.append(checkpoints)
        if ind.reports:
            reports = Table(box=box.SIMPLE, show_edge=False, header_style="dim")
            reports.add_column("截至", no_wrap=True)
            reports.add_column("数值", justify="right", no_wrap=True)
            reports.add_column("备注")
            reports.add_column("填报人", no_wrap=True)
            for r in ind.reports:
                value = f"第{r.value}项节点完成" if ind.kind == "schedule" else format_number(r.value, ind.unit)
                reports.add_row(r.as_of.isoformat(), value, r.note or "", r.reporter or "")
            parts.append(reports)
        else:
            parts.append(Text("  尚无报送", style="dim"))
    return Group(*parts)
