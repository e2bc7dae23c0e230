"""A newcomer's first hour, again (fixes8): what a coordinator met using mstrack as the README shows it."""

import json
import os
import zipfile
from pathlib import Path

import pytest

from tests.conftest import BACKEND, Cli, refused


@pytest.mark.backend_independent
@pytest.mark.parametrize(("argv", "name", "kind"), [
    (["report", "half-year", "-p", "yantian-2023"], "一览表.xlsx", "xlsx"),
    (["report", "half-year", "-p", "yantian-2023"], "一览表.DOCX", "docx"),
    (["report", "weekly", "--as-of", "2023-07-01"], "通报.html", "html"),
    (["units", "--as-of", "2023-07-01"], "单位.json", "json"),
    (["lights", "-p", "yantian-2023", "--as-of", "2023-07-01"], "亮灯.xlsx", "xlsx"),
], ids=["half-year xlsx", "half-year DOCX", "weekly html", "units json", "lights xlsx"])
def test_an_output_file_without_format_is_written_in_the_format_its_name_says(demo_cli, tmp_path, argv, name, kind):
    """`-o 一览表.xlsx` alone wrote the text table into a file named .xlsx, exit 0: a file Excel cannot open."""
    out = tmp_path / name
    result = demo_cli(*argv, "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if kind in ("xlsx", "docx"):
        assert zipfile.is_zipfile(out)
        assert any(n.startswith("xl/" if kind == "xlsx" else "word/") for n in zipfile.ZipFile(out).namelist())
    elif kind == "html":
        assert data.lstrip().lower().startswith(b"<!doctype html")
    else:
        assert data.lstrip()[:1] in (b"[", b"{")


@pytest.mark.backend_independent
def test_an_output_named_for_a_format_the_report_lacks_is_refused_and_nothing_written(demo_cli, tmp_path):
    out = tmp_path / "单位.docx"
    refused(demo_cli("units", "--as-of", "2023-07-01", "-o", str(out)),
            f"--output {out}: this report has no .docx format; use one of table, json, csv, md, xlsx")
    assert [p.name for p in tmp_path.iterdir() if str(p) != str(demo_cli.db)] == []  # the database alone (a URL on PostgreSQL)
    given = tmp_path / "周报.xlsx"  # --format and a name of another format: Markdown in a file Excel cannot open (safe38)
    refused(demo_cli("report", "weekly", "--as-of", "2023-07-01", "-f", "md", "-o", str(given)), "give -o NAME.md or drop -f")
    assert not given.exists()
    plain = tmp_path / "units.txt"  # a name that says no format: the default, as before
    assert demo_cli("units", "--as-of", "2023-07-01", "-o", str(plain)).exit_code == 0
    assert "市" in plain.read_text(encoding="utf-8") and not zipfile.is_zipfile(plain)


def test_undo_of_a_batch_that_is_not_there_names_it_even_when_it_is_0(demo_cli):
    """`mstrack undo 0` said "nothing to undo yet" on a database with batches."""
    assert demo_cli.sql("select count(*) from batch")[0][0] > 0
    refused(demo_cli("undo", "0"), "no batch 0; see `mstrack batches`")
    assert "nothing to undo" not in demo_cli("undo", "0").stderr
    refused(demo_cli("undo", "--", "-3"), "no batch -3")


@pytest.mark.sqlite_only
def test_demo_on_a_database_another_process_writes_says_nothing_was_loaded(cli, monkeypatch):
    """demo printed "Loaded 5 programmes … → DB" before its writes, then failed on the lock: it had loaded none."""
    import sqlite3

    assert cli("init").exit_code == 0
    monkeypatch.setenv("MSTRACK_BUSY_TIMEOUT", "0.2")
    holder = sqlite3.connect(cli.db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli("demo")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    refused(result, "another write is in progress")
    assert "Loaded" not in result.output and "Loaded" not in result.stderr
    assert cli.sql("select count(*) from programme") == [(0,)]


def test_demo_loads_every_seed_programme_or_none(cli, monkeypatch):
    """Each seed programme was its own transaction: a failure at the third left two loaded."""
    from mstrack.errors import InputError
    from mstrack.store import plan_writer

    write, calls = plan_writer.PlanWriter.write, []

    def third_fails(self, programme):
        calls.append(programme.code)
        if len(calls) == 3:
            raise InputError("the third plan fails")
        return write(self, programme)

    monkeypatch.setattr(plan_writer.PlanWriter, "write", third_fails)
    result = cli("demo")
    refused(result, "the third plan fails")
    assert "Loaded" not in result.stderr
    assert len(calls) == 3
    assert cli.sql("select count(*) from programme") == [(0,)]
    assert cli.sql("select count(*) from batch") == [(0,)]


def test_an_indicator_past_its_target_needs_no_pace(demo_cli):
    """show said of 康复救助 (180 reported, target ≥160) "deadline needs fall 0.11人 a day"."""
    shown = json.loads(demo_cli("show", "yantian-2023/19", "--as-of", "2023-07-01", "--format", "json").stdout)
    met = next(ind for ind in shown["indicators"] if ind["name"] == "康复救助")
    assert met["target"] == 160 and met["reports"][-1]["value"] == 180
    assert met["forecast"] == {"recent_pace": None, "required_pace": None, "projected_done": "2023-06-30",
                               "on_course": True}
    behind = next(ind for ind in shown["indicators"] if ind["name"] == "送教上门人次")
    assert behind["forecast"]["required_pace"] > 0  # one not met still says what it needs
    table = demo_cli("show", "yantian-2023/19", "--as-of", "2023-07-01", env={"COLUMNS": "200"}).stdout
    assert "fall" not in table and "rise" in table
    assert table.count("Forecast: target met on 2023-06-30\n") == 2  # 康复救助 and 精准适配辅助器具
    assert "no reports yet" not in table  # 家长康复知识培训 has 3 reports and no annual target: no forecast line
    zh = demo_cli("--lang", "zh", "show", "yantian-2023/19", "--as-of", "2023-07-01", env={"COLUMNS": "200"}).stdout
    assert "预测：已于 2023-06-30 达到目标" in zh and "下降" not in zh


def test_ctrl_c_mid_import_says_so_and_keeps_nothing(demo_cli, tmp_path, monkeypatch):
    """Ctrl-C mid-import exited 130 without a word: was anything written? Now it says nothing was kept (and none was)."""
    import contextlib

    from mstrack.cli import files
    from mstrack.sources import progress

    sheet = tmp_path / "周报.csv"
    rows = [f"yantian-2023,19,送教上门人次,2023-06-{day:02d},{800 + day}" for day in range(1, 9)]
    sheet.write_text("计划,任务编号,指标,截至日期,数值\n" + "\n".join(rows) + "\n", encoding="utf-8")
    before = demo_cli.sql("select count(*) from report"), demo_cli.sql("select count(*) from batch")
    monkeypatch.setattr(progress, "CHUNK_ROWS", 2)  # rows written two at a time: some are written when Ctrl-C comes
    seen = []

    def interrupted_at_the_third_chunk(number):
        seen.append(number)
        if len(seen) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(files, "_row_progress", lambda paths: contextlib.nullcontext(interrupted_at_the_third_chunk))
    for lang, said in (("en", "mstrack: interrupted: nothing of what this command was writing was kept\n"),
                       ("zh", "mstrack: 已中断：本命令正在写入的内容均未保留\n")):
        seen.clear()
        result = demo_cli("--lang", lang, "import", "progress", str(sheet))
        assert (result.exit_code, result.stderr, result.stdout) == (130, said, "")
        assert len(seen) == 3
        assert (demo_cli.sql("select count(*) from report"), demo_cli.sql("select count(*) from batch")) == before
    monkeypatch.setattr(files, "_row_progress", lambda paths: contextlib.nullcontext(None))
    assert demo_cli("import", "progress", str(sheet)).exit_code == 0  # and without Ctrl-C, all eight
    assert demo_cli.sql("select count(*) from report")[0][0] == before[0][0][0] + 8


def _read_only_copy(demo_cli, folder):
    """The demo database, whole in its file (no -wal), in a folder of its own."""
    import shutil
    import sqlite3

    folder.mkdir()
    with sqlite3.connect(demo_cli.db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(demo_cli.db, folder / "office.db")
    return folder / "office.db"


def _reads_work(db):
    from tests.conftest import Cli

    office = Cli(db)
    status = office("status", "-p", "yantian-2023", "--as-of", "2023-07-01", "--format", "json")
    assert status.exit_code == 0, status.stderr
    assert len(json.loads(status.stdout)) == 38
    assert office("programmes").stdout.split() == ["dongguan-2023", "qingdao-2023", "shenzhen-2023",
                                                    "shenzhen-2023-report", "yantian-2023"]
    assert office("report", "half-year", "-p", "yantian-2023").exit_code == 0
    return office


@pytest.mark.sqlite_only
def test_a_database_sqlite_cannot_open_for_writing_is_still_read_unless_a_wal_holds_writes(demo_cli, tmp_path,
                                                                                          monkeypatch):
    """A WAL database needs its -shm file beside it even to read; in a read-only folder or mount it cannot be
    made and every read failed ("cannot open the database: attempt to write a readonly database"), though the
    message for writes says status and reports work. Root writes any folder, so SQLite's refusal is played here
    (the test below has the real folder, for other users)."""
    import sqlite3

    connect = sqlite3.connect

    def read_only_folder(target, *args, **kwargs):
        if "mode=rw" in str(target):
            error = sqlite3.OperationalError("attempt to write a readonly database")
            error.sqlite_errorname = "SQLITE_READONLY"
            raise error
        return connect(target, *args, **kwargs)

    db = _read_only_copy(demo_cli, tmp_path / "archive")
    before = db.read_bytes()
    monkeypatch.setattr(sqlite3, "connect", read_only_folder)
    _reads_work(db)
    assert db.read_bytes() == before and sorted(p.name for p in db.parent.iterdir()) == ["office.db"]
    Path(f"{db}-wal").write_bytes(b"\0" * 4096)  # writes not yet in the file: the file alone would be stale
    from tests.conftest import Cli

    refused(Cli(db)("status", "-p", "yantian-2023", "--as-of", "2023-07-01"), "cannot open the database")


@pytest.mark.sqlite_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write a read-only folder")
def test_a_database_in_a_read_only_folder_is_still_read(demo_cli, tmp_path):
    db = _read_only_copy(demo_cli, tmp_path / "archive")
    db.chmod(0o444)
    db.parent.chmod(0o555)
    try:
        office = _reads_work(db)
        refused(office("log", "yantian-2023/19", "950", "-i", "送教上门人次", "--as-of", "2023-07-01"),
                "cannot be written: the file is read-only for this user")  # the cause named (safe43b)
    finally:
        db.parent.chmod(0o755)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_help_leaves_out_the_stores_bound_on_ids_and_counts(cli, lang):
    """`batches --help` said "[default: 20; 1<=x<=9223372036854775807]", undo's BATCH "[x<=9223372036854775807]"."""
    for argv in (["batches"], ["undo"], ["report", "diff"]):
        result = cli("--lang", lang, *argv, "--help", env={"COLUMNS": "80"})
        assert result.exit_code == 0 and ("Usage" in result.stdout or "用法" in result.stdout)
        assert "9223372036854775807" not in result.stdout and "<=x" not in result.stdout and "[x<=" not in result.stdout
    shown = cli("--lang", lang, "batches", "--help", env={"COLUMNS": "80"}).stdout  # the default and the bound said
    assert "[x>=1]" in shown and ("[default: 20;" in shown or "[默认：20；" in shown)
    assert cli("undo", "9223372036854775808").exit_code == 2  # the bound itself still holds


@pytest.mark.backend_independent
def test_a_note_under_a_table_longer_than_a_line_is_not_centred_line_by_line(demo_cli):
    """At 80 columns "Left out at this width: … (a wider" was followed by "                  terminal or --format
    json shows all)": each folded line of the note was centred on its own."""
    from rich.cells import cell_len

    out = demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-07-01", "--rule", "pro-rata",
                   env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if "Left out at this width" in line)
    note = lines[start:]
    assert len(note) == 2 and "shows all)" in note[1]
    assert not note[0].startswith(" ") and not note[1].startswith(" ")
    assert max(cell_len(line) for line in lines) <= 80
    short = demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-07-01", env={"COLUMNS": "200"}).stdout
    summary = next(line for line in short.splitlines() if line.lstrip().startswith("38 rows"))
    assert summary.startswith("  ")  # a one-line note is still centred under the table


@pytest.mark.backend_independent
@pytest.mark.parametrize("columns", [80, 200])
def test_show_prints_the_whole_progress_and_notes_folded_and_keeps_numbers_whole(demo_cli, columns):
    """show cut 进展情况, the notes and the checkpoints' text at one line with "…" at any width (Rich cuts a long
    Chinese text without spaces), and at 80 columns split the title's 2000课时 as "2" / "000课时"."""
    from rich.cells import cell_len

    detail = json.loads(demo_cli("show", "yantian-2023/19", "--format", "json").stdout)
    out = demo_cli("show", "yantian-2023/19", "--as-of", "2023-07-01", env={"COLUMNS": str(columns)}).stdout
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    assert "…" not in out
    flat = "".join(line.strip() for line in lines)
    for text in (detail["title"], detail["progress"], detail["indicators"][1]["milestones"][0]["text"]):
        assert text.replace(" ", "") in flat.replace(" ", "")
    head = lines[:next(i for i, line in enumerate(lines) if line.startswith("Programme"))]
    assert head[0].startswith("yantian-2023/19  全年")  # the title beside its reference, not on a line below
    assert not any(a[-1:].isdigit() and b[:1].isdigit() for a, b in zip(head, head[1:], strict=False))


def test_the_log_examples_in_its_help_run_as_written(demo_cli):
    """`log --help` showed `mstrack log qingdao-2023/1 --done`, which fails: task 1 has no text-only line."""
    import shlex

    from mstrack.cli.examples import EXAMPLES

    for example in EXAMPLES["log"]:
        words = shlex.split(example)[1:]
        result = demo_cli(*(words[2:] if words[0] == "--db" else words))  # the demo's store: demo_cli's
        assert result.exit_code == 0, (example, result.stderr)
        assert "batch" in result.stdout


def test_history_writes_numbers_as_show_and_status_do_in_each_language(demo_cli):
    """history wrote 5446个 and 2.5万 in English, where show and status write 5,446个 and 25,000."""
    import re

    value = re.compile(r" (5,?446个) ")  # the value column (the note quotes the document's 5446个 too)
    english = demo_cli("history", "yantian-2023/12", env={"COLUMNS": "200"}).stdout
    shown = demo_cli("show", "yantian-2023/12", "--as-of", "2023-07-01", env={"COLUMNS": "200"}).stdout
    assert value.findall(english) == ["5,446个"] and value.findall(shown) == ["5,446个"]
    chinese = demo_cli("--lang", "zh", "history", "yantian-2023/12", env={"COLUMNS": "200"}).stdout
    assert value.findall(chinese) == ["5446个"]


def test_a_database_without_programmes_says_how_to_add_one(cli, demo_cli):
    """After `mstrack init`, `programmes` printed nothing and `status` "No indicator matches"."""
    assert cli("init").exit_code == 0
    listed = cli("programmes")
    hint = listed.stderr  # the store named (safe48c): --db or MSTRACK_DB may name another than the one meant
    assert hint.startswith("no programmes in ") and hint.endswith(
        " yet: `mstrack import plan FILE.toml` adds one (docs/format.md); the samples go into a store of their own: "
        "`mstrack --db mstrack-demo.db demo`\n")
    assert (listed.exit_code, listed.stdout) == (0, "") and (BACKEND != "sqlite" or f"sqlite:///{cli.db}" in hint)
    status = cli("status", "--format", "json")
    assert (status.exit_code, status.stdout.strip(), status.stderr) == (0, "[]", hint)
    assert " 里还没有计划：" in cli("--lang", "zh", "programmes").stderr
    assert demo_cli("programmes").stderr == "" and demo_cli("status", "-p", "nope").exit_code == 2
    assert "no programmes" not in demo_cli("status", "--only", "overdue", "-p", "yantian-2023", "--as-of",
                                           "2023-07-01").stderr


@pytest.mark.parametrize("command", [["status"], ["init"], ["demo"]])
def test_db_naming_a_directory_says_it_is_a_directory(tmp_path, command):
    """SQLite says "unable to open database file" for a directory: mstrack says what is wrong and what to give."""
    result = Cli(tmp_path)(*command)
    said = refused(result, f"--db {tmp_path}: is a directory", str(tmp_path / "mstrack.db"))
    assert "unable to open" not in said
    assert os.listdir(tmp_path) == []
