"""Renderers for the audit trail: history of values and batches. Plain data in, text out."""

from __future__ import annotations

from dataclasses import asdict

from .render import dump_json, format_number

STATE_WORDS = {"current": "有效", "superseded": "已更正", "retracted": "已撤销"}


def history_json(entries) -> str:
    return dump_json([asdict(entry) for entry in entries])


def history_table(entries, title: str):
    from rich import box
    from rich.table import Table

    table = Table(title=title, box=box.SIMPLE_HEAVY, header_style="bold")
    for header, options in (("指标", {"min_width": 10}), ("截至", {"no_wrap": True}), ("数值", {"justify": "right", "no_wrap": True}),
                            ("状态", {"no_wrap": True}), ("备注", {}), ("填报人", {"no_wrap": True}),
                            ("录入时间", {"no_wrap": True}), ("批次", {"justify": "right"}), ("原因", {})):
        table.add_column(header, **options)
    for entry in entries:
        state = STATE_WORDS[entry.state]
        if entry.superseded_by:
            state += f"（→#{entry.superseded_by}）"
        if entry.retracted_by:
            state += f"（批次{entry.retracted_by}）"
        table.add_row(
            entry.indicator, entry.as_of.isoformat(), format_number(entry.value, entry.unit), state, entry.note or "",
            entry.reporter or "", entry.entered_at.strftime("%Y-%m-%d %H:%M"), str(entry.batch_id or ""),
            entry.reason or "", style="dim" if entry.state != "current" else "",
        )
    if not entries:
        table.caption = "尚无报送"
    return table


def batches_json(batches) -> str:
    return dump_json([asdict(batch) for batch in batches])


def batches_table(batches):
    from rich import box
    from rich.table import Table

    table = Table(title="写入批次", box=box.SIMPLE_HEAVY, header_style="bold")
    for header in ("批次", "时间", "用户", "命令", "来源", "新增报送", "撤销报送", "原因", "说明"):
        table.add_column(header, no_wrap=header in ("批次", "时间", "命令"))
    for batch in batches:
        remark = []
        if batch.undoes:
            remark.append(f"撤销批次 {batch.undoes}")
        if batch.undone_by:
            remark.append(f"已被批次 {batch.undone_by} 撤销")
        table.add_row(
            str(batch.id), batch.created_at.strftime("%Y-%m-%d %H:%M"), batch.user or "", batch.command,
            batch.source or "", str(batch.reports_added), str(batch.reports_retracted), batch.reason or "",
            "；".join(remark), style="dim" if batch.undone_by else "",
        )
    return table
