"""Who wrote what (trial53 F3, F4): on a server a batch and a report without --by name the database role, not the
machine's login, and undo compares roles; a second reporter's figure for a day another reporter's entry holds is
refused without --reason (log and import progress alike, both row paths), naming who entered it and when."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.conftest import PG_ADMIN, Cli, _admin, _pg_database, _pg_url, done, plan_task, plan_tasks, refused, write_plan

LOGIN = {"USER": "login-of-the-machine", "LOGNAME": "login-of-the-machine"}
"""One machine login for every coordinator: what a role-less batch would have said for all of them."""


def standing(cli) -> list[tuple]:
    """Each day's standing entry (the latest not retracted), as (value, reporter)."""
    return cli.sql("SELECT r.value, r.reporter FROM report AS r WHERE r.id = (SELECT max(y.id) FROM report AS y WHERE"
                   " y.indicator_id = r.indicator_id AND y.as_of = r.as_of AND y.id NOT IN (SELECT report_id FROM"
                   " report_retraction)) ORDER BY r.indicator_id, r.as_of")


def plan(cli, tmp_path, tasks: int = 1) -> None:
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan_tasks(*(
        plan_task(str(n), f"项目{n}", "市住建局", "充电桩", "个", 100000) for n in range(1, tasks + 1)))))))


@pytest.mark.skipif(not PG_ADMIN, reason="MSTRACK_TEST_PG names no PostgreSQL server")
def test_on_a_server_batches_and_reports_name_the_role_and_undo_compares_roles(tmp_path):
    from sqlalchemy import create_engine, text

    name, tag = _pg_database(), uuid.uuid4().hex[:8]
    writer, zhang, li = f"writer_{tag}", f"zhang_{tag}", f"li_{tag}"
    url = _pg_url(name)
    owner = Cli(url)
    try:
        plan(owner, tmp_path)
        _admin(f"CREATE ROLE {writer}")  # docs/deployment.md §4: a login role of one's own in the writer role
        _admin(f"CREATE ROLE {zhang} LOGIN IN ROLE {writer}")
        _admin(f"CREATE ROLE {li} LOGIN IN ROLE {writer}")
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {writer}"))
            connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {writer}"))
        engine.dispose()
        as_zhang, as_li = (Cli(url.replace("//postgres@", f"//{role}@")) for role in (zhang, li))
        done(as_zhang("log", "x-2023/1", "10", "--as-of", "2023-03-31", env=LOGIN))
        sheet = tmp_path / "li.csv"
        sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,充电桩,2023-04-30,20\n", encoding="utf-8")
        done(as_li("import", "progress", str(sheet), env=LOGIN))
        batches = json.loads(owner("batches", "--format", "json").stdout)
        assert [(b["command"], b["user"]) for b in batches[:2]] == [("import progress", li), ("log", zhang)]
        assert owner.sql("SELECT reporter FROM report ORDER BY id") == [(zhang,), (li,)]  # --by's default: the role too
        result = as_li("undo", env=LOGIN)  # li's own batch: no warning
        done(result)
        assert "not by you" not in result.stderr
        done(as_zhang("log", "x-2023/1", "30", "--as-of", "2023-05-31", env=LOGIN))
        result = as_li("undo", env=LOGIN)  # zhang's batch, the latest: undone, and li told whose it was
        done(result)
        assert f"was written by {zhang}, not by you ({li})" in result.stderr
        users = [b["user"] for b in json.loads(owner("batches", "--format", "json").stdout)]
        assert users[:4] == [li, zhang, li, li] and "login-of-the-machine" not in users
    finally:
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        for role in (zhang, li, writer):
            _admin(f"DROP ROLE IF EXISTS {role}")


def test_a_second_reporters_log_for_the_same_day_is_refused_without_reason(cli, tmp_path):
    plan(cli, tmp_path)
    done(cli("log", "x-2023/1", "99", "--as-of", "2023-02-23", "--by", "张"))
    for value in ("98", "98个"):
        said = refused(cli("log", "x-2023/1", value, "--as-of", "2023-02-23", "--by", "李"), "x-2023/1 充电桩 as of 2023-02-23",
                       "98个 here (by 李)", "99个 by 张", "entered 20", "--reason")
        assert "correcting" not in said
    assert standing(cli) == [(99, "张")] and len(cli.sql("SELECT id FROM batch")) == 2  # the plan's and 张's
    result = cli("--lang", "zh", "log", "x-2023/1", "98", "--as-of", "2023-02-23", "--by", "李")
    refused(result, "本次为 98个（填报人 李）", "已登记的是 张 报送的 99个", "登记", "--reason")
    done(cli("log", "x-2023/1", "99", "--as-of", "2023-02-23", "--by", "李"))  # the same figure: unchanged, nothing written
    assert standing(cli) == [(99, "张")]
    done(cli("log", "x-2023/1", "98", "--as-of", "2023-02-23", "--by", "李", "--reason", "电话核实"))
    assert standing(cli) == [(98, "李")]
    assert cli.sql("SELECT reason FROM report ORDER BY id DESC LIMIT 1") == [("电话核实",)]


def test_a_reporters_own_correction_and_a_login_without_by_are_corrections_as_before(cli, tmp_path):
    plan(cli, tmp_path)
    done(cli("log", "x-2023/1", "99", "--as-of", "2023-02-23", "--by", "张"))
    result = cli("log", "x-2023/1", "98", "--as-of", "2023-02-23", "--by", "张")
    done(result)
    assert "correcting 99个" in result.output and standing(cli)[-1] == (98, "张")
    done(cli("log", "x-2023/1", "50", "--as-of", "2023-03-31"))  # the login, twice: its own correction
    done(cli("log", "x-2023/1", "60", "--as-of", "2023-03-31"))
    assert standing(cli)[-1][0] == 60


def test_a_log_over_an_imported_figure_of_another_reporter_is_refused_naming_the_file(cli, tmp_path):
    plan(cli, tmp_path)
    sheet = tmp_path / "a.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值,填报人\nx-2023,1,充电桩,2023-02-23,3,李四\n", encoding="utf-8")
    done(cli("import", "progress", str(sheet)))
    refused(cli("log", "x-2023/1", "4", "--as-of", "2023-02-23", "--by", "张三"), "3个 by 李四 (a.csv, entered 20",
            "--reason")
    assert standing(cli) == [(3, "李四")]


@pytest.mark.parametrize("reporter_column", [False, True])
def test_a_second_reporters_return_for_the_same_day_is_refused_without_reason(cli, tmp_path, reporter_column):
    """--by (the finding's), or a 填报人 column (the row path reads its cells)."""
    plan(cli, tmp_path)

    def sheet(name: str, value: int, who: str) -> list[str]:
        path = tmp_path / name
        if reporter_column:
            path.write_text(f"计划,任务编号,指标,截至日期,数值,填报人\nx-2023,1,充电桩,2023-02-23,{value},{who}\n", encoding="utf-8")
            return [str(path)]
        path.write_text(f"计划,任务编号,指标,截至日期,数值\nx-2023,1,充电桩,2023-02-23,{value}\n", encoding="utf-8")
        return [str(path), "--by", who]

    done(cli("import", "progress", *sheet("a.csv", 3, "李四")))
    second = sheet("b.csv", 4, "张三")
    for dry in ([], ["--dry-run"]):
        refused(cli("import", "progress", *second, *dry), "b.csv:2: x-2023/1 充电桩 as of 2023-02-23 is 4个 here (by 张三)",
                "3个 by 李四 (a.csv, entered 20", "--reason", "nothing was written")
    assert standing(cli) == [(3, "李四")]
    done(cli("import", "progress", *sheet("a2.csv", 5, "李四")))  # 李四's own v2: a correction, as before
    assert standing(cli) == [(5, "李四")]
    result = cli("import", "progress", *second, "--reason", "张三核实")
    done(result)
    assert "1 corrected" in result.output and standing(cli) == [(4, "张三")]


def test_a_large_return_by_another_reporter_is_refused_on_the_columnar_path_too(cli, tmp_path):
    """1,232 rows: the columnar path (progress_columns.COLUMNAR_ROWS) reads them, one row differing from the stored."""
    plan(cli, tmp_path, tasks=4)

    def sheet(name: str, changed: int | None) -> str:
        rows = [f"x-2023,{task},充电桩,2023-{month:02d}-{day:02d},{task * 1000 + month * 40 + day + (7 if n == changed else 0)}"
                for n, (task, month, day) in enumerate((t, m, d) for t in range(1, 5) for m in range(1, 12) for d in range(1, 29))]
        path = tmp_path / name
        path.write_text("计划,任务编号,指标,截至日期,数值\n" + "\n".join(rows) + "\n", encoding="utf-8")
        return str(path)

    done(cli("import", "progress", sheet("a.csv", None), "--by", "李四"))
    before = len(standing(cli))
    refused(cli("import", "progress", sheet("b.csv", 500), "--by", "张三"), "b.csv:502:", "by 李四 (a.csv, entered 20",
            "--reason")
    assert len(standing(cli)) == before == 1232
    result = cli("import", "progress", sheet("b.csv", 500), "--by", "李四")  # 李四's own: one correction
    done(result)
    assert "1 corrected" in result.output
