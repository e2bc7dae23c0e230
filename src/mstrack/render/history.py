"""Renderers for the audit trail: history of values and batches, the frozen reports and what changed in one since
(`report diff`). Plain data in, text out."""

from __future__ import annotations

import json
from dataclasses import asdict

from mstrack.domain.quantities import format_number
from mstrack.labels import Labels
from mstrack.render.outputs import dump_json


def history_json(entries) -> str:
    return dump_json([asdict(entry) for entry in entries])


def history_table(entries, ref: str, lang: str = "zh"):
    """The table of `history`: a note folded within the width, once; the rows below it that carry the same
    note for the same date (a unit's report covers several indicators) read 同上, as in the weekly report."""
    from mstrack.render.grid import Column, PlainTable
    from mstrack.render.status import omitted_note, reporter_with_unit

    words = Labels(lang)
    columns = [Column(words(f"history.{key}"), **options) for key, options in (
        ("indicator", {"fold": True, "min_width": 12}), ("as_of", {}), ("value", {"justify": "right"}), ("state", {}),
        ("note", {"fold": True, "min_width": 12, "drop": 2}), ("reporter", {"drop": 3}), ("entered", {"drop": 4}),
        ("batch", {"justify": "right", "drop": 1}), ("reason", {"fold": True, "min_width": 12, "drop": 5}))]
    table = PlainTable(columns, title=words("history.title", ref=ref), title_justify="left",
                       omitted=omitted_note(words))
    above = None
    for entry in entries:
        state = words(f"history.{entry.state}")
        if entry.superseded_by:
            state += words("history.superseded_by", n=entry.superseded_by)
        if entry.retracted_by:
            state += words("history.retracted_by", n=entry.retracted_by)
        note = words("weekly.ditto") if entry.note and (entry.note, entry.as_of) == above else entry.note or ""
        above = (entry.note, entry.as_of)
        table.add_row(
            entry.indicator, entry.as_of.isoformat(), format_number(entry.value, entry.unit, lang), state, note,
            reporter_with_unit(entry, words), entry.entered_at.strftime("%Y-%m-%d %H:%M"), str(entry.batch_id or ""),
            entry.reason or "", style="dim" if entry.state != "current" else "",
        )
    if not entries:
        table.caption = words("history.none")
    return table


def batches_json(batches) -> str:
    return dump_json([asdict(batch) for batch in batches])


def batches_table(batches, lang: str = "zh"):
    """The table of `batches`. The source (the file name that tells which import to undo) is never left out:
    it keeps a comfortable width while the user, reason and remark give way, then is cut in its middle
    (慈城鎮第27…正.xlsx), on one line; an empty reason or remark column is left out before anything folds."""
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
            str(batch.id), batch.created_at.strftime("%Y-%m-%d %H:%M"), batch.user or "", batch.command,
            batch.source or "", str(batch.reports_added), str(batch.reports_retracted), batch.reason or "",
            words("list.semi").join(remark), style="dim" if batch.undone_by else "",
        )
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
        table.add_row(str(number), when.strftime("%Y-%m-%d %H:%M"), words(f"msg.{kind}"), scope, params.get("as_of") or "",
                      user or "")
    return table


def change_line(change) -> str:
    """A change `report diff` found (reports.diff.Change), as its line says it: where, what was sent, what is now."""
    sent, now = _where_they_differ(change.sent, change.now)
    return f"  {change.path}: {sent} → {now}"


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
