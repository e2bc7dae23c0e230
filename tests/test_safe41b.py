"""Nothing lost (safe41b): an undo of an undo follows the line its reports were given on through every plan import
since, as the store paired it, step by step; it brings them back only where each step paired it by identity or in
place and its indicator's unit is the one they were given in. Undone reports a re-import deletes with the lines it
drops are said, by the import and by a later undo of the undo."""

import json

from .conftest import refused
from .test_safe40a import _lines, _ok
from .test_safe40a import _plan as plan_file

HEAD = ('format = 1\n[programme]\ncode = "t39"\nname = "测试"\nyear = 2026\n[[tasks]]\ncode = "2"\ntitle = "完成方案编制"\n'
        'deadline = "2026-06-30"\n')


def _bare(lead: str) -> str:
    """A text-only line without checkpoints: done by the task's deadline."""
    return f'[[tasks.lines]]\nlead_units = ["{lead}"]\n'


def _num(lead: str, name: str, unit: str) -> str:
    return (f'[[tasks.lines]]\nlead_units = ["{lead}"]\n[[tasks.lines.indicators]]\nname = "{name}"\nunit = "{unit}"\n'
            'target = 10\n')


def _plan(tmp_path, name: str, *lines: str) -> str:
    return plan_file(tmp_path, name, *lines, head=HEAD)


def _batches(cli) -> int:
    return len(json.loads(cli("batches", "--format", "json").stdout))


def test_an_undo_of_an_undo_after_two_reimports_pairing_by_position_is_refused(cli, tmp_path):
    """r1: [甲, 乙] → [丙, 丁] → [乙, 甲], each taken (nothing stood) and paired in order: 甲局's line is now 乙局's.
    Compared directly, [甲, 乙] with [乙, 甲] paired by identity and the mark came back on 乙局's line, exit 0."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"), _bare("乙局"))))
    _ok(cli("log", "t39/2", "--done", "--indicator", "甲局", "--as-of", "2026-05-30", "--by", "甲局张三"))
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("丙局"), _bare("丁局"))))
    _ok(cli("import", "plan", _plan(tmp_path, "p3.toml", _bare("乙局"), _bare("甲局"))))
    before = _batches(cli)
    stderr = refused(cli("undo", "3"), "t39/2 line 1 (乙局) was paired by position alone with line 1 (甲局)",
                     "batch 4 (import plan", "p2.toml", "log them anew")
    assert "checkpoint" not in stderr
    assert _lines(cli) == [("乙局", 0), ("甲局", 0)] and _batches(cli) == before


def test_an_undo_of_an_undo_after_a_unit_change_is_refused(cli, tmp_path):
    """r2: 5 公里 undone, the unit made 米 (taken: nothing stood), the undo undone: it came back as 5 米."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _num("甲局", "修建道路", "公里"))))
    _ok(cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30", "--by", "甲局张三"))
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _num("甲局", "修建道路", "米"))))
    refused(cli("undo", "3"), "t39/2 line 1 (甲局) indicator '修建道路'", "'公里'", "'米'", "batch 4 (import plan")
    assert _lines(cli) == [("甲局", 0)]


def test_an_undo_of_an_undo_after_a_unit_changed_and_back_is_taken(cli, tmp_path):
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _num("甲局", "修建道路", "公里"))))
    _ok(cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30"))
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _num("甲局", "修建道路", "米"))))
    _ok(cli("import", "plan", _plan(tmp_path, "p3.toml", _num("甲局", "修建道路", "公里"))))
    _ok(cli("undo", "3"))
    assert _lines(cli) == [("甲局", 1)]


def test_an_undo_of_an_undo_after_two_renames_in_place_is_taken(cli, tmp_path):
    """r4: 甲局 renamed alone, then 乙局 alone (each the one pairing there is, as safe40a advises): compared directly,
    [甲, 乙] with [甲（新）, 乙（新）] read as paired by position alone, and the undo was refused."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"), _bare("乙局"))))
    _ok(cli("log", "t39/2", "--done", "--indicator", "甲局", "--as-of", "2026-05-30", "--by", "甲局张三"))
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局（新）"), _bare("乙局"))))
    _ok(cli("import", "plan", _plan(tmp_path, "p3.toml", _bare("甲局（新）"), _bare("乙局（新）"))))
    _ok(cli("undo", "3"))
    assert _lines(cli) == [("甲局（新）", 1), ("乙局（新）", 0)]


def test_a_reimport_dropping_a_line_with_undone_reports_says_so_and_the_undo_of_the_undo_is_refused(cli, tmp_path):
    """r6: the import said "0 removed", the undo of the undo "0 restored", exit 0: the reports were gone for good."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"), _num("乙局", "修建道路", "公里"))))
    _ok(cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30", "--by", "乙局李四"))
    _ok(cli("undo", "2"))
    result = cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("甲局")))
    _ok(result)
    assert "1 undone report of dropped lines or indicators deleted: an undo can no longer bring it back" in result.stdout
    before = _batches(cli)
    refused(cli("undo", "3"), "undoing batch 3 would bring back 1 report", "batch 4 (import plan", "deleted", "log it anew")
    assert _batches(cli) == before
    batches = json.loads(cli("batches", "--format", "json").stdout)
    assert next(b for b in batches if b["id"] == 4)["reason"] is None  # recorded as data (safe41d), not in words
    assert cli.sql("SELECT batch_id, undo_batch_id, reports FROM undone_deleted") == [(4, 3, 1)]


def test_a_reimport_renaming_an_indicator_with_undone_reports_says_so(cli, tmp_path):
    """r3: the indicator renamed (a new one, the old dropped with its undone report)."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _num("甲局", "修建道路", "公里"))))
    _ok(cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30"))
    _ok(cli("log", "t39/2", "7", "--indicator", "修建道路", "--as-of", "2026-05-31"))
    _ok(cli("undo", "3"))
    _ok(cli("undo", "2"))
    result = cli("import", "plan", _plan(tmp_path, "p2.toml", _num("甲局", "新建道路", "公里")))
    _ok(result)
    assert "2 undone reports of dropped lines or indicators deleted: an undo can no longer bring them back" in result.stdout
    refused(cli("undo", "5"), "undoing batch 5 would bring back 1 report", "batch 6 (import plan")
    refused(cli("undo", "4"), "undoing batch 4 would bring back 1 report", "batch 6 (import plan")
    assert _lines(cli) == [("甲局", 0)]


def test_a_write_rolled_back_after_its_summary_says_whatever_was_printed(cli, tmp_path, monkeypatch):
    """safety41 r12c: a server lost after the summary was printed: the PostgreSQL message said the write was rolled
    back but not that the summary above it stands for nothing, as the SQLite one does."""
    from sqlalchemy.exc import OperationalError

    from mstrack.store import writes

    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _num("甲局", "修建道路", "公里"))))
    said = writes.confirm_before_commit

    def lost_after(confirm, result):
        said(confirm, result)
        raise OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(writes, "confirm_before_commit", lost_after)
    result = cli("log", "t39/2", "5", "--indicator", "修建道路", "--as-of", "2026-05-30")
    refused(result, "the write in progress was rolled back: nothing of it was stored, whatever this command printed above")
    assert _lines(cli) == [("甲局", 0)]


def test_force_brings_back_what_a_reimport_left_of_an_undone_batch(cli, tmp_path):
    """Two reports in one batch, undone; a re-import drops the line of one: the undo of the undo is refused naming
    the import; --force brings back the other, and its batch's reason says what it went over."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _num("甲局", "修建道路", "公里"), _num("乙局", "新建学校", "所"))))
    sheet = tmp_path / "reports.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nt39,2,修建道路,2026-05-30,5\nt39,2,新建学校,2026-05-30,2\n",
                     encoding="utf-8")
    _ok(cli("import", "progress", str(sheet)))
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _num("甲局", "修建道路", "公里"))))
    refused(cli("undo", "3"), "would bring back 1 report", "batch 4 (import plan")
    assert _lines(cli) == [("甲局", 0)]
    _ok(cli("undo", "3", "--force"))
    assert _lines(cli) == [("甲局", 1)]
    batches = json.loads(cli("batches", "--format", "json").stdout)
    assert "1 deleted by batch 4" in batches[0]["reason"]
