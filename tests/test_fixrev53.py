"""review53: one rule for "another reporter's figure" (F1-F3): a write that names no one (no --by, no 填报人, no
填报单位) is the office's own correction, for `log` and both import paths alike, and a refusal names who the row is
from, never "—"."""

from __future__ import annotations

import pytest

from tests.conftest import PG_ADMIN, Cli, _admin, _pg_database, _pg_url, done, refused
from tests.test_who_wrote import LOGIN, plan, standing

CLERK = {"USER": "clerk", "LOGNAME": "clerk"}
PLAIN = "计划,任务编号,指标,截至日期,数值\n"


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def fix_csv(tmp_path, value: int, name: str = "fix.csv") -> str:
    """The office's plain file: no 填报人, no 填报单位."""
    return write(tmp_path, name, f"{PLAIN}x-2023,1,充电桩,2023-04-30,{value}\n")


@pytest.mark.parametrize("first", ["return", "return with 填报人", "log --unit"])
@pytest.mark.parametrize("dry", [[], ["--dry-run"]])
def test_a_plain_file_without_by_corrects_a_units_entry_as_log_does(cli, tmp_path, first, dry):
    """F1: futian.csv (填报单位 福田区), then the same clerk's plain fix.csv: a correction, not "by —" refused."""
    plan(cli, tmp_path)
    if first == "log --unit":
        done(cli("log", "x-2023/1", "20", "--as-of", "2023-04-30", "--unit", "福田区", env=CLERK))
    else:
        who = ",填报人" if first == "return with 填报人" else ""
        cell = ",张三" if who else ""
        done(cli("import", "progress", write(tmp_path, "futian.csv", f"填报单位：福田区\n{PLAIN.strip()}{who}\n"
                                                                      f"x-2023,1,充电桩,2023-04-30,20{cell}\n"), env=CLERK))
    result = cli("import", "progress", fix_csv(tmp_path, 21), *dry, env=CLERK)
    done(result)
    assert "by —" not in result.output + result.stderr
    assert standing(cli)[-1][0] == (20 if dry else 21)
    done(cli("log", "x-2023/1", "22", "--as-of", "2023-04-30", env=CLERK))  # log judges it alike
    assert standing(cli)[-1][0] == 22


def test_the_offices_log_over_a_units_return_is_a_correction(cli, tmp_path):
    """F3a: 福田区's return by 张三, then the coordinator's log without --unit or --by fixing a typo."""
    plan(cli, tmp_path)
    done(cli("import", "progress", write(tmp_path, "futian.csv", f"填报单位：福田区\n{PLAIN.strip()},填报人\n"
                                                                  "x-2023,1,充电桩,2023-04-30,20,张三\n"), env=CLERK))
    result = cli("log", "x-2023/1", "21", "--as-of", "2023-04-30", env=CLERK)
    done(result)
    [(value, reporter)] = standing(cli)
    assert "correcting 20个" in result.output and value == 21 and reporter not in ("张三", None)  # the login, or the role


@pytest.mark.sqlite_only  # two logins on one file: on a server the role decides, which the tests' URL fixes
def test_a_plain_files_v2_imported_by_another_login_is_a_correction(cli, tmp_path):
    """F3b and F2: the entry names the login it was stored under (before the upgrade to roles: the machine's)."""
    plan(cli, tmp_path)
    done(cli("import", "progress", fix_csv(tmp_path, 20, "a.csv"), env=CLERK))
    result = cli("import", "progress", fix_csv(tmp_path, 21, "a.csv"), env={"USER": "other", "LOGNAME": "other"})
    done(result)
    assert "1 corrected" in result.output and standing(cli) == [(21, "other")]
    done(cli("log", "x-2023/1", "22", "--as-of", "2023-04-30", env=CLERK))
    assert standing(cli) == [(22, "clerk")]


def test_a_v2_without_by_corrects_a_file_imported_with_by(cli, tmp_path):
    """F3c: `--by 张三`, then the corrected v2 without --by; another --by is still refused."""
    plan(cli, tmp_path)
    done(cli("import", "progress", fix_csv(tmp_path, 20, "a.csv"), "--by", "张三", env=CLERK))
    refused(cli("import", "progress", fix_csv(tmp_path, 21, "b.csv"), "--by", "李四", env=CLERK), "b.csv:2",
            "21个 here (by 李四)", "20个 by 张三 (a.csv, entered 20", "--reason")
    result = cli("import", "progress", fix_csv(tmp_path, 21, "a.csv"), env=CLERK)
    done(result)
    [(value, reporter)] = standing(cli)
    assert "1 corrected" in result.output and value == 21 and reporter not in ("张三", None)  # the login, or the role


def test_a_large_plain_v2_without_by_is_a_correction_on_the_columnar_path(cli, tmp_path):
    """1,232 rows (progress_columns.COLUMNAR_ROWS): --by 李四, then the v2 with one row changed, no --by."""
    plan(cli, tmp_path, tasks=4)

    def sheet(name: str, changed: int | None) -> str:
        rows = [f"x-2023,{task},充电桩,2023-{month:02d}-{day:02d},{task * 1000 + month * 40 + day + (7 if n == changed else 0)}"
                for n, (task, month, day) in enumerate((t, m, d) for t in range(1, 5) for m in range(1, 12) for d in range(1, 29))]
        return write(tmp_path, name, PLAIN + "\n".join(rows) + "\n")

    done(cli("import", "progress", sheet("a.csv", None), "--by", "李四", env=CLERK))
    refused(cli("import", "progress", sheet("b.csv", 500), "--by", "张三", env=CLERK), "b.csv:502:", "(by 张三)",
            "by 李四 (a.csv, entered 20", "--reason")
    result = cli("import", "progress", sheet("b.csv", 500), env=CLERK)
    done(result)
    assert "1 corrected" in result.output and len(standing(cli)) == 1232


def test_a_log_of_another_unit_without_by_names_the_login_not_a_dash(cli, tmp_path):
    """The refusal names who the row is from: the login a log without --by is stored as."""
    plan(cli, tmp_path)
    done(cli("log", "x-2023/1", "20", "--as-of", "2023-04-30", "--unit", "福田区", "--by", "张三", env=CLERK))
    said = refused(cli("log", "x-2023/1", "21", "--as-of", "2023-04-30", "--unit", "南山区", env=CLERK),
                   "21个 from 南山区 (by ", "20个 from 福田区 (by 张三", "--reason")
    assert "by —" not in said
    assert standing(cli) == [(20, "张三")]


@pytest.mark.skipif(not PG_ADMIN, reason="MSTRACK_TEST_PG names no PostgreSQL server")
def test_on_a_server_a_correction_of_an_entry_stored_under_the_machine_login_needs_no_reason(tmp_path):
    """F2: before the upgrade every write without --by said the machine's login (`root`); after it, the role's. The
    role's correction naming no one is the office's own; one naming another reporter (--by) is refused naming root."""
    import uuid

    from sqlalchemy import create_engine, text

    name, tag = _pg_database(), uuid.uuid4().hex[:8]
    writer, zhang = f"writer_{tag}", f"zhang_{tag}"
    url = _pg_url(name)
    owner = Cli(url)
    try:
        plan(owner, tmp_path)
        _admin(f"CREATE ROLE {writer}")
        _admin(f"CREATE ROLE {zhang} LOGIN IN ROLE {writer}")
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {writer}"))
            connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {writer}"))
        done(owner("log", "x-2023/1", "20", "--as-of", "2023-04-30"))
        done(owner("log", "x-2023/1", "30", "--as-of", "2023-05-31"))
        with engine.connect() as connection:  # as a version before roles stored them
            connection.execute(text("UPDATE report SET reporter = 'root'"))
        engine.dispose()
        as_zhang = Cli(url.replace("//postgres@", f"//{zhang}@"))
        refused(as_zhang("log", "x-2023/1", "21", "--as-of", "2023-04-30", "--by", "张", env=LOGIN),
                "21个 here (by 张)", "20个 by root", "--reason")
        done(as_zhang("log", "x-2023/1", "21", "--as-of", "2023-04-30", env=LOGIN))
        done(as_zhang("import", "progress", fix_csv(tmp_path, 22), env=LOGIN))
        sheet = write(tmp_path, "may.csv", f"{PLAIN}x-2023,1,充电桩,2023-05-31,31\n")
        result = as_zhang("import", "progress", sheet, env=LOGIN)
        done(result)
        assert "1 corrected" in result.output
        assert owner.sql("SELECT value, reporter FROM report ORDER BY id")[2:] == [(21, zhang), (22, zhang), (31, zhang)]
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        for role in (zhang, writer):
            _admin(f"DROP ROLE IF EXISTS {role}")


# F4 ------------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("spelling", ["same", "link"])
def test_progress_as_of_onto_the_table_it_reads_says_so_and_keeps_it(cli, tmp_path, spelling):
    """--progress-as-of writes -o's stem + .progress.csv: when that is the input, "exists already; remove it first"
    would have the user delete the table."""
    table = tmp_path / ("x.progress.csv" if spelling == "same" else "分解表.csv")
    text = "序号,工作任务,牵头单位,完成时限\n1,新建中小学校10所,市教育局,2024年12月底前\n"
    table.write_text(text, encoding="utf-8")
    if spelling == "link":
        (tmp_path / "x.progress.csv").symlink_to(table)
    result = cli("import", "table", str(table), "-p", "t-2024", "--year", "2024", "-o", str(tmp_path / "x.toml"),
                 "--progress-as-of", "2024-06-30")
    said = refused(result, f"--progress-as-of {tmp_path / 'x.progress.csv'}: that is the table this command reads "
                           f"({table}); nothing written", f"such as {table.with_name(table.stem + '.toml')}")
    assert "exists already" not in said
    assert table.read_text(encoding="utf-8") == text and not (tmp_path / "x.toml").exists()


# F6 ------------------------------------------------------------------------------------------------------------------

@pytest.mark.sqlite_only  # a file's journal mode
def test_a_restore_that_fails_after_switching_to_wal_keeps_the_data_and_wal(demo_cli, tmp_path, monkeypatch):
    """The switch to WAL is its own transaction before the copy; a restore failing after it (here the copy kept of
    the database: a full disk) restores nothing and leaves WAL, the mode every mstrack connection opens a store in
    (docs/reliability.md)."""
    import contextlib
    import sqlite3
    from pathlib import Path

    from mstrack.errors import InputError
    from mstrack.store import kept_copy

    backup = tmp_path / "before.db"
    done(demo_cli("db", "backup", str(backup)))
    done(demo_cli("log", "shenzhen-2023/5", "3万", "-i", "建设", "--as-of", "2023-07-31"))
    db = Path(demo_cli.db)
    with contextlib.closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
        before = connection.execute("SELECT id, value FROM report ORDER BY id").fetchall()

    def full_disk(store, new_file):
        raise InputError("no space left on device")

    monkeypatch.setattr(kept_copy, "keep_before_restore", full_disk)
    monkeypatch.setenv("MSTRACK_BUSY_TIMEOUT", "2")
    refused(demo_cli("db", "restore", str(backup)), "no space left on device")
    with contextlib.closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT id, value FROM report ORDER BY id").fetchall() == before
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert not [path for path in tmp_path.iterdir() if ".before-restore-" in path.name]


# F7 ------------------------------------------------------------------------------------------------------------------

def test_a_stored_time_is_formatted_in_one_place():
    """"YYYY-MM-DD HH:MM" of an entry, a batch, a frozen report, a file written: domain.dates.minute_text, once."""
    import re
    from datetime import datetime
    from pathlib import Path

    import mstrack
    from mstrack.domain.dates import minute_text

    found = [path.relative_to(Path(mstrack.__file__).parent).as_posix()
             for path in sorted(Path(mstrack.__file__).parent.rglob("*.py"))
             for _ in re.finditer(r"%Y-%m-%d %H:%M(?!:)", path.read_text(encoding="utf-8"))]
    assert found == ["domain/dates.py"], found
    assert minute_text(datetime(2024, 7, 1, 9, 30, 59)) == "2024-07-01 09:30"
