"""Renderers for the audit trail: history of values and batches. Plain data in, text out."""

from __future__ import annotations

from dataclasses import asdict

from mstrack.domain.quantities import format_number
from mstrack.labels import Labels
from mstrack.render.status import dump_json


def history_json(entries) -> str:
    return dump_json([asdict(entry) for entry in entries])


def history_table(entries, ref: str, lang: str = "zh"):
    from rich import box
    from rich.table import Table

    words = Labels(lang)
    table = Table(title=words("history.title", ref=ref), box=box.SIMPLE_HEAVY, header_style="bold")
    for key, options in (("indicator", {"min_width": 10}), ("as_of", {"no_wrap": True}),
                         ("value", {"justify": "right", "no_wrap": True}), ("state", {"no_wrap": True}), ("note", {}),
                         ("reporter", {"no_wrap": True}), ("entered", {"no_wrap": True}), ("batch", {"justify": "right"}),
                         ("reason", {})):
        table.add_column(words(f"history.{key}"), **options)
    for entry in entries:
        state = words(f"history.{entry.state}")
        if entry.superseded_by:
            state += words("history.superseded_by", n=entry.superseded_by)
        if entry.retracted_by:
            state += words("history.retracted_by", n=entry.retracted_by)
        table.add_row(
            entry.indicator, entry.as_of.isoformat(), format_number(entry.value, entry.unit), state, entry.note or "",
            entry.reporter or "", entry.entered_at.strftime("%Y-%m-%d %H:%M"), str(entry.batch_id or ""),
            entry.reason or "", style="dim" if entry.state != "current" else "",
        )
    if not entries:
        table.caption = words("history.none")
    return table


def batches_json(batches) -> str:
    return dump_json([asdict(batch) for batch in batches])


def batches_table(batches, lang: str = "zh"):
    from rich import box
    from rich.table import Table

    words = Labels(lang)
    table = Table(title=words("batches.title"), box=box.SIMPLE_HEAVY, header_style="bold")
    for key in ("batch", "time", "user", "command", "source", "added", "retracted", "reason", "remark"):
        table.add_column(words(f"batches.{key}"), no_wrap=key in ("batch", "time", "command"))
    for batch in batches:
        remark = []
        if batch.undoes:
            remark.append(words("batches.undoes", n=batch.undoes))
        if batch.undone_by:
            remark.append(words("batches.undone_by", n=batch.undone_by))
        table.add_row(
            str(batch.id), batch.created_at.strftime("%Y-%m-%d %H:%M"), batch.user or "", batch.command,
            batch.source or "", str(batch.reports_added), str(batch.reports_retracted), batch.reason or "",
            words("list.semi").join(remark), style="dim" if batch.undone_by else "",
        )
    return table
