"""The store's cases left (safe39b): two text-only lines of one lead unit in a task pair by their checkpoints'
words, not in order (ambiguity refused); the re-import's check counts the reports that stand, as the status
reads them; `db restore` names the -wal kept beside its copy; a freeze's failed COMMIT is said as one; `db copy`
keeps schema_version's applied-at times."""


import pytest

from .conftest import BACKEND, refused

HEAD = 'format = 1\n[programme]\ncode = "t39"\nname = "测试"\nyear = 2026\n[[tasks]]\ncode = "2"\ntitle = "完成方案编制"\n'


def _line(lead: str, *texts: str, reports: str = "") -> str:
    dues = ("2026-03-31", "2026-06-30", "2026-09-30")
    checkpoints = "".join(f'  {{ due = "{due}", label = "第{n + 1}期", text = "{text}" }},\n'
                          for n, (due, text) in enumerate(zip(dues, texts, strict=False)))
    return f'[[tasks.lines]]\nlead_units = ["{lead}"]\ncheckpoints = [\n{checkpoints}]\n{reports}'


SURVEY = _line("甲局", "完成调研", "完成方案")
BUILD = _line("甲局", "完成选址", "完成建设")


def _plan(tmp_path, name: str, *lines: str) -> str:
    path = tmp_path / name
    path.write_text(HEAD + "".join(lines), encoding="utf-8")
    return str(path)


def _held(cli) -> list[tuple[str, int]]:
    """Each line of t39/2 in order, from the database: its first checkpoint's text and how many reports stand on it."""
    return [(text, count) for text, count in cli.sql(
        "SELECT (SELECT c.text FROM checkpoint AS c WHERE c.line_id = l.id ORDER BY c.due, c.id LIMIT 1), count(r.id)"
        " FROM task_line AS l JOIN indicator AS i ON i.line_id = l.id LEFT JOIN report AS r ON r.indicator_id = i.id"
        " AND NOT EXISTS (SELECT 1 FROM report_retraction AS x WHERE x.report_id = r.id)"
        " GROUP BY l.id, l.position ORDER BY l.position")]


@pytest.fixture
def survey_met(cli, tmp_path):
    """Two text-only lines of 甲局: the first's (完成调研, 完成方案) both checkpoints met, the second's none."""
    assert cli("import", "plan", _plan(tmp_path, "p1.toml", SURVEY, BUILD)).exit_code == 0
    for day in ("2026-03-30", "2026-06-29"):
        result = cli("log", "t39/2", "--done", "-i", "进度安排（第1行）", "--as-of", day)
        assert result.exit_code == 0 and result.exception is None, result.output
    return cli


def test_two_text_only_lines_of_one_lead_swapped_keep_their_marks(survey_met, tmp_path):
    """In order, the swap gave 完成调研's two marks to 完成选址's line (refused by the words check only)."""
    result = survey_met("import", "plan", _plan(tmp_path, "p2.toml", BUILD, SURVEY))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert _held(survey_met) == [("完成选址", 0), ("完成调研", 2)]


def test_the_first_of_two_such_lines_removed_is_refused_as_dropping_its_reports(survey_met, tmp_path):
    result = survey_met("import", "plan", _plan(tmp_path, "p2.toml", BUILD))
    refused(result, "t39/2 line 1 (甲局)", "has 2 reports")
    assert result.exception is not None and "完成选址" not in result.stderr
    assert _held(survey_met) == [("完成调研", 2), ("完成选址", 0)]


def test_the_unreported_of_two_such_lines_removed_is_taken(survey_met, tmp_path):
    result = survey_met("import", "plan", _plan(tmp_path, "p2.toml", SURVEY))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert _held(survey_met) == [("完成调研", 2)]


def test_a_line_given_checkpoints_after_its_met_ones_is_still_told_apart(survey_met, tmp_path):
    result = survey_met("import", "plan", _plan(tmp_path, "p2.toml", BUILD, _line("甲局", "完成调研", "完成方案", "开始实施")))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert _held(survey_met) == [("完成选址", 0), ("完成调研", 2)]


def test_lines_their_words_cannot_tell_apart_are_refused(survey_met, tmp_path):
    """Both lines reworded: which of them carries the marks is not known, and guessing moves them."""
    before = _held(survey_met)
    result = survey_met("import", "plan", _plan(tmp_path, "p2.toml", _line("甲局", "完成招标", "完成验收"),
                                                _line("甲局", "完成立项", "完成开工")))
    refused(result, "t39/2", "甲局", "lines 1, 2", "cannot be told")
    assert result.exception is not None
    assert _held(survey_met) == before


def test_the_check_counts_the_marks_that_stand(survey_met, tmp_path):
    """Both marks undone, then the first brought back (an undo of the undo): one report stands on the line, three
    were entered; the second checkpoint may change, the first may not."""
    assert survey_met("undo", "3").exit_code == 0
    assert survey_met("undo", "2").exit_code == 0
    result = survey_met("undo", "5")
    assert result.exit_code == 0 and result.exception is None, result.output
    assert _held(survey_met) == [("完成调研", 1), ("完成选址", 0)]
    refused(survey_met("import", "plan", _plan(tmp_path, "p2.toml", _line("甲局", "完成摸底", "完成方案"), BUILD)),
            "t39/2 line 1 (甲局)", "'完成调研' is marked met", "1 report hangs on it")
    result = survey_met("import", "plan", _plan(tmp_path, "p3.toml", _line("甲局", "完成调研", "完成报批"), BUILD))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert _held(survey_met) == [("完成调研", 1), ("完成选址", 0)]


def test_a_re_import_after_the_marks_are_undone_is_accepted(survey_met, tmp_path):
    refused(survey_met("import", "plan", _plan(tmp_path, "p2.toml", _line("甲局", "完成摸底", "完成规划"), BUILD)),
            "'完成调研' is marked met", "'完成方案' is marked met", "2 reports hang on it")
    for batch in ("3", "2"):
        assert survey_met("undo", batch).exit_code == 0
    result = survey_met("import", "plan", _plan(tmp_path, "p3.toml", _line("甲局", "完成摸底", "完成规划"), BUILD))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert _held(survey_met) == [("完成摸底", 0), ("完成选址", 0)]


def test_a_mark_superseded_by_a_lower_one_no_longer_holds_its_checkpoint(cli, tmp_path):
    """The plan's own report of two checkpoints met corrected to one (the same date): the status reads one, so the
    second checkpoint may change."""
    reported = 'reports = [{{ as_of = "2026-07-01", value = {n} }}]\n'
    assert cli("import", "plan", _plan(tmp_path, "p1.toml", _line("甲局", "完成调研", "完成方案",
                                                                 reports=reported.format(n=2)))).exit_code == 0
    result = cli("import", "plan", _plan(tmp_path, "p2.toml", _line("甲局", "完成调研", "完成方案", reports=reported.format(n=1))))
    assert result.exit_code == 0 and result.exception is None, result.output
    result = cli("import", "plan", _plan(tmp_path, "p3.toml", _line("甲局", "完成调研", "完成报批", reports=reported.format(n=1))))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert [text for (text,) in cli.sql("SELECT text FROM checkpoint ORDER BY due")] == ["完成调研", "完成报批"]


# --- 3. db restore names the -wal it kept beside its copy ----------------------------------------------------------

@pytest.mark.sqlite_only
def test_restore_names_the_wal_kept_beside_its_copy(demo_cli, tmp_path):
    """A damaged database held open by another program: its bytes are kept with their -wal, and the output names
    both (before: only the copy, and a user moving it alone lost the commits the -wal held)."""
    import contextlib
    import sqlite3
    from pathlib import Path

    from .test_safe32a import kept_copies, rows
    from .test_safe36b import _damaged_with_its_last_commit_in_the_wal

    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    _damaged_with_its_last_commit_in_the_wal(db, tmp_path)
    with contextlib.closing(sqlite3.connect(db)) as viewer:
        viewer.execute("SELECT count(*) FROM sqlite_master").fetchall()
        result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0 and result.exception is None, result.output
    (kept, wal) = kept_copies(db)
    assert wal.name == f"{kept.name}-wal"
    assert ("late commit",) in rows(kept, "SELECT name FROM programme")
    assert str(wal) in result.stdout and "move the two together" in result.stdout, result.stdout


@pytest.mark.sqlite_only
def test_restore_of_a_sound_database_names_its_copy_alone(demo_cli, tmp_path):
    from pathlib import Path

    from .test_safe32a import kept_copies

    db = Path(demo_cli.db)
    backup = tmp_path / "backup.db"
    assert demo_cli("db", "backup", str(backup)).exit_code == 0
    result = demo_cli("db", "restore", str(backup))
    assert result.exit_code == 0 and result.exception is None, result.output
    (kept,) = kept_copies(db)
    assert f"kept in {kept};" in result.stdout and "-wal" not in result.stdout, result.stdout


# --- 5. db copy keeps schema_version's applied-at times ------------------------------------------------------------

def _applied(cli) -> list[tuple[int, str]]:
    """schema_version's rows, their times as UTC text to the microsecond (text on SQLite, a datetime on PostgreSQL)."""
    from datetime import UTC, datetime

    def moment(value) -> str:
        found = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return (found if found.tzinfo else found.replace(tzinfo=UTC)).astimezone(UTC).isoformat()

    return [(version, moment(applied)) for version, applied in cli.sql(
        "SELECT version, applied_at FROM schema_version ORDER BY version")]


def test_db_copy_there_and_back_keeps_when_each_migration_was_applied(cli, tmp_path):
    """A file → the store under test (SQLite, or PostgreSQL with MSTRACK_TEST_BACKEND=postgresql) → a file: the
    applied-at times are the first file's (before: the copy's migrations stamped the time of the copy)."""
    import time

    from .conftest import Cli

    first = Cli(tmp_path / "first.db")
    assert first("init").exit_code == 0
    history = _applied(first)
    assert len(history) > 1
    time.sleep(0.05)
    result = first("db", "copy", "--to", cli.url)
    assert result.exit_code == 0 and result.exception is None, result.output
    back = tmp_path / "back.db"
    result = cli("db", "copy", "--to", str(back))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert _applied(cli) == history
    assert _applied(Cli(back)) == history


# --- 4. PostgreSQL: a freeze whose COMMIT fails says what was committed and that nothing was written --------------

def _refuse_commits(cli) -> None:
    """A deferred constraint trigger: the freeze's INSERT goes through, its COMMIT fails (the server rolls back)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text(
                "CREATE FUNCTION no_freeze() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no freeze today'; END $$;"
            " CREATE CONSTRAINT TRIGGER no_freeze AFTER INSERT ON report_snapshot DEFERRABLE INITIALLY DEFERRED"
                " FOR EACH ROW EXECUTE FUNCTION no_freeze()"))
    engine.dispose()


def _terminate_before_commit(cli, monkeypatch) -> None:
    """The freeze's server process ended (pg_terminate_backend, waited for) after its INSERT, before its COMMIT."""
    from mstrack.store import writes

    real = writes.confirm_before_commit
    name = cli.url.rsplit("/", 1)[1]

    def then_terminate(confirm, result):
        real(confirm, result)
        from .conftest import _admin

        _admin(f"SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = '{name}'"
               " AND pid <> pg_backend_pid()")

    monkeypatch.setattr(writes, "confirm_before_commit", then_terminate)


@pytest.mark.skipif(BACKEND != "postgresql", reason="a server's COMMIT: MSTRACK_TEST_BACKEND=postgresql")
@pytest.mark.parametrize("failing", ["trigger", "terminated"])
def test_a_freeze_whose_commit_fails_says_what_was_committed_and_that_nothing_was_written(demo_cli, monkeypatch,
                                                                                           tmp_path, failing):
    if failing == "trigger":
        _refuse_commits(demo_cli)
    else:
        _terminate_before_commit(demo_cli, monkeypatch)
    out = tmp_path / "weekly.md"
    result = demo_cli("report", "weekly", "--as-of", "2023-07-01", "--freeze", "-f", "md", "-o", str(out))
    assert result.exception is not None
    if failing == "trigger":
        refused(result, "the commit of report --freeze failed", "nothing of it was stored")
    else:  # class 57: the process may have ended after the commit was durable, so nothing is claimed (review39s)
        assert isinstance(result.exception, SystemExit) and result.exit_code != 0, (result.exception, result.output)
        refused(result, "the connection ended during the commit of report --freeze", "it may have been stored or not")
        assert "nothing of it was stored" not in result.output, result.output
    assert demo_cli.sql("SELECT count(*) FROM report_snapshot") == [(0,)]


def test_lines_alike_in_words_re_imported_as_they_are_are_taken(cli, tmp_path):
    """Two text-only lines of 甲局 without checkpoints (due by the task's deadline), one marked done: the same plan
    again pairs them in order, as before (their words, none, cannot tell them apart, and need not)."""
    text = HEAD.replace('title = "完成方案编制"\n', 'title = "完成方案编制"\ndeadline = "2026-06-30"\n')
    plan = tmp_path / "p1.toml"
    plan.write_text(text + '[[tasks.lines]]\nlead_units = ["甲局"]\n' * 2, encoding="utf-8")
    assert cli("import", "plan", str(plan)).exit_code == 0
    result = cli("log", "t39/2", "--done", "-i", "进度安排（第1行）", "--as-of", "2026-05-30")
    assert result.exit_code == 0 and result.exception is None, result.output
    again = tmp_path / "p2.toml"  # the title retyped: the same file again is known as imported
    again.write_text(plan.read_text(encoding="utf-8").replace("完成方案编制", "完成方案编制工作"), encoding="utf-8")
    result = cli("import", "plan", str(again))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert "0 tasks added, 1 updated" in result.output
    assert _held(cli) == [(None, 1), (None, 0)]
