"""Nothing lost (safe40a): a plan re-import pairs a stored line that reports stand on with a new line only by its
identity (lead units and indicators), its checkpoints' words, or in place (the one line left on each side of its
task), never by position among several; an undo of an undo brings met marks back only onto the checkpoints they
were given against; a refusal to drop a line counts the reports that stand."""

import pytest

from .conftest import refused

HEAD = 'format = 1\n[programme]\ncode = "t39"\nname = "测试"\nyear = 2026\n[[tasks]]\ncode = "2"\ntitle = "完成方案编制"\n'
DEADLINE_HEAD = HEAD + 'deadline = "2026-06-30"\n'


def _line(lead: str, *checkpoints: tuple[str, str]) -> str:
    rows = "".join(f'  {{ due = "{due}", label = "节点", text = "{text}" }},\n' for due, text in checkpoints)
    return f'[[tasks.lines]]\nlead_units = ["{lead}"]\ncheckpoints = [\n{rows}]\n'


def _bare(lead: str) -> str:
    """A line without checkpoints: done by the task's deadline."""
    return f'[[tasks.lines]]\nlead_units = ["{lead}"]\n'


SURVEY = (("2026-03-31", "完成调研"), ("2026-06-30", "完成方案"))
SURVEY_LATE = (("2026-05-31", "完成调研"), ("2026-09-30", "完成建设"))


def _plan(tmp_path, name: str, *lines: str, head: str = HEAD) -> str:
    path = tmp_path / name
    path.write_text(head + "".join(lines), encoding="utf-8")
    return str(path)


def _lines(cli) -> list[tuple[str, int]]:
    """Each line of t39/2 in order, from the database: its lead unit and how many reports stand on it."""
    return [(lead, count) for lead, count in cli.sql(
        "SELECT (SELECT u.name FROM line_unit AS lu JOIN unit AS u ON u.id = lu.unit_id WHERE lu.line_id = l.id"
        " AND lu.role = 'lead' ORDER BY lu.position LIMIT 1), count(r.id)"
        " FROM task_line AS l JOIN indicator AS i ON i.line_id = l.id LEFT JOIN report AS r ON r.indicator_id = i.id"
        " AND NOT EXISTS (SELECT 1 FROM report_retraction AS x WHERE x.report_id = r.id)"
        " GROUP BY l.id, l.position ORDER BY l.position")]


def _ok(result) -> None:
    assert result.exit_code == 0 and result.exception is None, result.output


def _refused(result, *parts: str) -> str:
    assert result.exception is not None
    return refused(result, *parts)


def test_deadline_only_lines_renamed_and_reordered_are_refused(cli, tmp_path):
    """r20: both leads renamed and the lines swapped: in order, 住建局's done mark went to 城管's line."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("市住建局"), _bare("市城管局"), head=DEADLINE_HEAD)))
    _ok(cli("log", "t39/2", "--done", "--indicator", "住建", "--as-of", "2026-05-30", "--by", "住建局李四"))
    result = cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("市城市管理和综合执法局"), _bare("市住房和城乡建设局"),
                                         head=DEADLINE_HEAD))
    _refused(result, "t39/2", "line 1 (市住建局", "1 report", "市城市管理和综合执法局", "市住房和城乡建设局")
    assert _lines(cli) == [("市住建局", 1), ("市城管局", 0)]


def test_keeping_the_reported_lines_name_then_renaming_it_alone_is_taken(cli, tmp_path):
    """What the refusal advises works: the reported line keeps its lead's name in one import, renamed in the next."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("市住建局"), _bare("市城管局"), head=DEADLINE_HEAD)))
    _ok(cli("log", "t39/2", "--done", "--indicator", "住建", "--as-of", "2026-05-30"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("市城市管理和综合执法局"), _bare("市住建局"),
                                    head=DEADLINE_HEAD)))
    assert _lines(cli) == [("市城市管理和综合执法局", 0), ("市住建局", 1)]
    _ok(cli("import", "plan", _plan(tmp_path, "p3.toml", _bare("市城市管理和综合执法局"), _bare("市住房和城乡建设局"),
                                    head=DEADLINE_HEAD)))
    assert _lines(cli) == [("市城市管理和综合执法局", 0), ("市住房和城乡建设局", 1)]


def test_a_rename_with_a_line_inserted_before_is_refused(cli, tmp_path):
    """r1: 乙局 inserted first with the same checkpoints, 甲局 renamed: in order, 乙局 took 甲局张三's report."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _line("甲局", *SURVEY))))
    _ok(cli("log", "t39/2", "--done", "--as-of", "2026-03-30", "--by", "甲局张三"))
    result = cli("import", "plan", _plan(tmp_path, "p2.toml", _line("乙局", *SURVEY), _line("甲局（新）", *SURVEY)))
    stderr = _refused(result, "t39/2", "line 1 (甲局", "1 report", "乙局", "甲局（新）")
    assert "keep" in stderr
    assert _lines(cli) == [("甲局", 1)]


def test_a_rename_in_place_keeps_the_reports(cli, tmp_path):
    """One line left on each side of the task: the only pairing there is, taken as before."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _line("乙局", *SURVEY_LATE), _line("甲局", *SURVEY))))
    _ok(cli("log", "t39/2", "--done", "--indicator", "甲局", "--as-of", "2026-03-30"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _line("乙局", *SURVEY_LATE), _line("甲局（新）", *SURVEY))))
    assert _lines(cli) == [("乙局", 0), ("甲局（新）", 1)]


def test_lines_without_reports_still_pair_in_order(cli, tmp_path):
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _line("甲局", *SURVEY), _line("乙局", *SURVEY_LATE))))
    ids = [row[0] for row in cli.sql("SELECT id FROM task_line ORDER BY position")]
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _line("丙局", *SURVEY), _line("丁局", *SURVEY_LATE))))
    assert [row[0] for row in cli.sql("SELECT id FROM task_line ORDER BY position")] == ids
    assert _lines(cli) == [("丙局", 0), ("丁局", 0)]


def test_two_lines_of_one_lead_with_the_same_first_words_swapped_keep_their_reports(cli, tmp_path):
    """r5: the met checkpoint's words are the same on both lines; the lines' other words tell them apart."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _line("甲局", *SURVEY), _line("甲局", *SURVEY_LATE))))
    _ok(cli("log", "t39/2", "--done", "--indicator", "第1行", "--as-of", "2026-04-01"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _line("甲局", *SURVEY_LATE), _line("甲局", *SURVEY))))
    assert cli.sql("SELECT c.text, count(r.id) FROM task_line AS l JOIN checkpoint AS c ON c.line_id = l.id"
                   " JOIN indicator AS i ON i.line_id = l.id LEFT JOIN report AS r ON r.indicator_id = i.id"
                   " WHERE c.due IN ('2026-06-30', '2026-09-30') GROUP BY l.position, c.text ORDER BY l.position") == [
        ("完成建设", 0), ("完成方案", 1)]


def _undone_then_reimported(cli, tmp_path, *checkpoints) -> None:
    """r12: a met mark (batch 2) undone (batch 3), the plan re-imported with `checkpoints` (batch 4)."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _line("甲局", *SURVEY))))
    _ok(cli("log", "t39/2", "--done", "--as-of", "2026-04-01"))
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _line("甲局", *checkpoints))))


def test_an_undo_of_an_undo_does_not_bring_a_mark_back_onto_other_checkpoints(cli, tmp_path):
    """r12: a checkpoint inserted before the one met (taken: no mark stood); the undo of the undo brought the mark
    back counting 完成立项 as met."""
    _undone_then_reimported(cli, tmp_path, ("2026-02-28", "完成立项"), *SURVEY)
    result = cli("undo", "3")
    _refused(result, "t39/2", "checkpoint 1", "完成调研", "完成立项")
    assert _lines(cli) == [("甲局", 0)]
    assert cli.sql("SELECT count(*) FROM batch") == [(4,)]


def test_an_undo_of_an_undo_brings_a_mark_back_where_its_checkpoints_stayed(cli, tmp_path):
    _undone_then_reimported(cli, tmp_path, *SURVEY, ("2026-09-30", "完成验收"))
    _ok(cli("undo", "3"))
    assert _lines(cli) == [("甲局", 1)]


def test_an_undo_of_an_undo_does_not_bring_a_deadline_mark_onto_checkpoints_given_since(cli, tmp_path):
    """A line done by its deadline, undone, then given checkpoints: the mark would read as the first one met."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("甲局"), head=DEADLINE_HEAD)))
    _ok(cli("log", "t39/2", "--done", "--as-of", "2026-05-30"))
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _line("甲局", *SURVEY), head=DEADLINE_HEAD)))
    _refused(cli("undo", "3", "--force"), "t39/2 line 1 (甲局) was marked done by its deadline", "1 report would come back")
    assert _lines(cli) == [("甲局", 0)]
    assert cli.sql("SELECT count(*) FROM batch") == [(4,)]


def test_an_undo_of_an_undo_does_not_bring_reports_back_to_a_line_paired_by_position(cli, tmp_path):
    """r20 through an undo: 住建局's mark undone, both units renamed and the lines swapped (taken: nothing stood),
    the undo undone: the mark would come back on 城管's line."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _bare("市住建局"), _bare("市城管局"), head=DEADLINE_HEAD)))
    _ok(cli("log", "t39/2", "--done", "--indicator", "住建", "--as-of", "2026-05-30"))
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _bare("市城市管理和综合执法局"), _bare("市住房和城乡建设局"),
                                    head=DEADLINE_HEAD)))
    _refused(cli("undo", "3"), "t39/2 line 1 (市城市管理和综合执法局) was paired by position alone with line 1 (市住建局)")
    assert _lines(cli) == [("市城市管理和综合执法局", 0), ("市住房和城乡建设局", 0)]
    assert cli.sql("SELECT count(*) FROM batch") == [(4,)]


def test_a_line_whose_reports_were_all_undone_may_be_dropped(cli, tmp_path):
    """r6: the refusal said "undo those reports first"; after the undo it still said "has 1 report"."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _line("甲局", *SURVEY), _line("乙局", ("2026-09-30", "完成建设")))))
    _ok(cli("log", "t39/2", "--done", "--indicator", "乙局", "--as-of", "2026-04-01"))
    p2 = _plan(tmp_path, "p2.toml", _line("甲局", *SURVEY))
    _refused(cli("import", "plan", p2), "t39/2 line 2 (乙局)", "has 1 report")
    _ok(cli("undo", "2"))
    _ok(cli("import", "plan", p2))
    assert _lines(cli) == [("甲局", 0)]


def test_dropping_the_unreported_first_of_two_lines_of_one_lead_is_taken(cli, tmp_path):
    """r24: line 2 reported, line 1 dropped."""
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _line("甲局", *SURVEY), _line("甲局", ("2026-05-31", "完成招标")))))
    _ok(cli("log", "t39/2", "--done", "--indicator", "第2行", "--as-of", "2026-06-01"))
    _ok(cli("import", "plan", _plan(tmp_path, "p2.toml", _line("甲局", ("2026-05-31", "完成招标")))))
    assert _lines(cli) == [("甲局", 1)]
    assert cli.sql("SELECT text FROM checkpoint") == [("完成招标",)]


def test_dropping_the_reported_of_two_lines_of_one_lead_names_it(cli, tmp_path):
    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _line("甲局", *SURVEY), _line("甲局", ("2026-05-31", "完成招标")))))
    _ok(cli("log", "t39/2", "--done", "--indicator", "第1行", "--as-of", "2026-04-01"))
    stderr = _refused(cli("import", "plan", _plan(tmp_path, "p2.toml", _line("甲局", ("2026-05-31", "完成招标")))),
                      "t39/2 line 1 (甲局)", "has 1 report")
    assert "line 2" not in stderr
    assert _lines(cli) == [("甲局", 1), ("甲局", 0)]


def _small_disk(tmp_path):
    """A 2 MB tmpfs mounted under tmp_path, or a skip where this run may not mount one (root only)."""
    import os
    import subprocess

    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
                                           capture_output=True).returncode != 0:
        pytest.skip("a full disk needs a 2 MB tmpfs: root, and mount allowed")
    return disk


@pytest.mark.sqlite_only
def test_a_full_disk_under_a_new_database_never_calls_its_wal_rolled_back(tmp_path):
    """r14c: a plan too large for the disk into a new database: the -wal holds the committed schema the full disk
    keeps from the file (it cannot be emptied), and the next import lives only there; the message said it held
    pages rolled back and emptied itself."""
    import sqlite3
    import subprocess

    from .conftest import Cli, plan_task, plan_tasks, write_plan

    disk = _small_disk(tmp_path)
    try:
        cli = Cli(disk / "x.db")
        big = write_plan(tmp_path / "big.toml", plan_tasks(*(plan_task(str(n), f"任务{n}" * 20, f"单位{n}", "新建床位", "张", n)
                                                           for n in range(1, 6000))))
        result = cli("import", "plan", str(big))
        # "never delete or move it" where the -wal still holds the committed schema; since store50 a commit is folded
        # into the file as the write ends (store/checked_stamp), so it is there unless the disk was full already
        stderr = refused(result, "database or disk is full")
        assert "rolled back" not in stderr and "is emptied when" not in stderr
        if "tasks added" in result.stdout:  # said before the commit that failed: the message takes it back
            assert "whatever this command printed above" in stderr
        # the store this refused first import made is taken away whole (fixrev49, review49 R5): nothing is left to
        # call rolled back or emptied
        assert not (disk / "x.db").exists() and not (disk / "x.db-wal").exists()
        small = write_plan(tmp_path / "small.toml", plan_tasks(plan_task("1", "任务", "甲局", "新建床位", "张", 10)),
                           code="y-2023")
        _ok(cli("import", "plan", str(small)))
        with sqlite3.connect(disk / "x.db") as connection:
            assert connection.execute("SELECT code FROM programme").fetchall() == [("y-2023",)]
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _held_lock_refusal(cli, tmp_path, pid: int, since: str):
    """A `log` that gives up waiting for a write lock another program holds, with a writer's note naming `pid`."""
    import json
    import sqlite3
    from pathlib import Path

    _ok(cli("import", "plan", _plan(tmp_path, "p1.toml", _line("甲局", *SURVEY))))
    note = Path(f"{cli.db}-writer")
    note.write_text(json.dumps({"pid": pid, "host": __import__("socket").gethostname(), "user": "离职的张三",
                                "command": "import progress", "since": since}), encoding="utf-8")
    holder = sqlite3.connect(cli.db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        result = cli("log", "t39/2", "--done", "--as-of", "2026-04-01", env={"MSTRACK_BUSY_TIMEOUT": "1"})
    finally:
        holder.close()
    stderr = refused(result, "another write is in progress")
    assert result.exception is not None
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    return stderr, note


@pytest.mark.sqlite_only
def test_a_stale_note_whose_pid_a_later_process_took_names_no_one(cli, tmp_path):
    """r19: the note's writer was killed; its process id now belongs to a process started after the note."""
    import subprocess

    later = subprocess.Popen(["sleep", "60"])
    try:
        stderr, note = _held_lock_refusal(cli, tmp_path, later.pid, "2026-01-01T09:00:00")
    finally:
        later.kill()
        later.wait()
    assert "离职的张三" not in stderr and "its command is not known" in stderr
    assert not note.exists()


@pytest.mark.sqlite_only
def test_a_note_of_a_process_running_since_before_it_is_named(cli, tmp_path):
    import os
    from datetime import datetime

    stderr, note = _held_lock_refusal(cli, tmp_path, os.getpid(), datetime.now().isoformat(timespec="seconds"))
    assert "离职的张三" in stderr and note.exists()
