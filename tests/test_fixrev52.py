"""The review's findings outside the table reader (fixrev52)."""

from __future__ import annotations

from types import SimpleNamespace


def test_a_task_s_status_is_its_worst_line_s_by_one_rule(monkeypatch):
    """partly_reported repeated task_counts' loop over the worst status per task: both read task_statuses."""
    from mstrack.reports import units

    row = SimpleNamespace(programme="p", task="1", status="on_track", as_of="2024-05-01")
    other = SimpleNamespace(programme="p", task="1", status="no_report", as_of=None)
    assert units.task_statuses([row, other]) == {("p", "1"): "no_report"}
    assert units.partly_reported([row, other]) == 1 and units.task_counts([row, other])["no_report"] == 1
    monkeypatch.setattr(units, "task_statuses", lambda rows: {("p", "1"): "done"})
    assert units.partly_reported([row, other]) == 0 and units.task_counts([row, other])["done"] == 1


def test_the_architecture_names_the_reader_s_kept_readings():
    """sources/table/kept.py (read_once) was named nowhere in docs/architecture.md."""
    from pathlib import Path

    text = (Path(__file__).parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert "`kept` (`read_once`" in text and "its own copy" in text
