"""safe24b: -o writes into what is not a regular file (a device, a FIFO, the process's own stdout) instead of
replacing it, and never replaces a sheet holding a unit's figures; `import progress` refuses an option that
disagrees with the file's column, and says what it did not store."""

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from .conftest import big_csv, refused, write_table

MSTRACK = shutil.which("mstrack", path=str(Path(sys.executable).parent)) or shutil.which("mstrack")


def run(db, *args: str, stdout=subprocess.PIPE, cwd=None) -> subprocess.CompletedProcess:
    """The installed script, through a shell as a person runs it."""
    return subprocess.run([MSTRACK, "--db", str(db), "--lang", "en", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, cwd=cwd, env={**os.environ, "COLUMNS": "140"})


def test_a_fifo_named_by_o_is_written_into_not_replaced(demo_cli, tmp_path):
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    read = []
    reader = threading.Thread(target=lambda: read.append(fifo.read_bytes()))
    reader.start()
    result = demo_cli("units", "-f", "csv", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert read and b"," in read[0]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_character_device_named_by_o_stays_a_device(demo_cli, tmp_path):
    node = tmp_path / "devnull"
    try:  # a node of our own for the null device (1, 3): the real /dev/null is never named
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        os.close(os.open(node, os.O_WRONLY))
    except OSError as error:
        pytest.skip(f"no device node here: {error}")
    result = demo_cli("units", "-f", "csv", "-o", str(node))
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat(node).st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".devnull")] == []


def test_o_dev_stdout_appended_keeps_what_the_file_held(demo_cli, tmp_path):
    log = tmp_path / "so.txt"
    log.write_text("old\n", encoding="utf-8")
    with log.open("a", encoding="utf-8") as out:
        done = run(demo_cli.db, "units", "-f", "csv", "-o", "/dev/stdout", stdout=out)
    assert done.returncode == 0, done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("old\n") and len(text) > 10, text


def test_o_dev_stderr_writes_to_stderr_itself(demo_cli, tmp_path):
    done = run(demo_cli.db, "units", "-f", "csv", "-o", "/dev/stderr")
    assert done.returncode == 0, done.stderr
    assert "," in done.stderr


def test_o_dev_stdout_into_a_pipe(demo_cli):
    done = run(demo_cli.db, "units", "-f", "csv", "-o", "/dev/stdout")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") > 2, done.stdout


PROGRESS_ROWS = [["计划", "任务编号", "指标", "截至日期", "数值", "填报人"],
                 ["shenzhen-2023", "5", "供应", "2023-06-30", "1.2万", "李四"]]


def filled_sheet(path: Path) -> bytes:
    """A unit's return sheet with a figure in it, as .xlsx or .csv; its bytes, to see it untouched."""
    write_table(path, PROGRESS_ROWS)
    return path.read_bytes()


@pytest.mark.parametrize(("name", "command"), [
    ("victim.xlsx", ["units", "-f", "xlsx"]),
    ("victim.csv", ["export", "plan", "shenzhen-2023"]),
    ("victim.csv", ["units", "-f", "csv"]),
    ("victim.xlsx", ["export", "template", "shenzhen-2023"]),
    ("victim.csv", ["lights", "-f", "csv"]),
])
def test_o_never_replaces_a_sheet_holding_a_units_figures(demo_cli, tmp_path, name, command):
    victim = tmp_path / name
    before = filled_sheet(victim)
    result = demo_cli(*command, "-o", str(victim))
    refused(result, "holds a unit's figures", str(victim))  # a plan's -o too, said as what it holds (safe39a)
    assert victim.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "demo.db") == [name]


@pytest.mark.parametrize("command", [
    ["units", "-f", "xlsx", "-o", "r.xlsx"], ["units", "-f", "csv", "-o", "r.csv"],
    ["report", "weekly", "-f", "xlsx", "-o", "r.xlsx"], ["report", "weekly", "-f", "csv", "-o", "r.csv"],
    ["lights", "-f", "xlsx", "-o", "r.xlsx"], ["export", "plan", "shenzhen-2023", "-o", "r.toml"],
    ["export", "template", "shenzhen-2023", "-o", "r.xlsx"],
])
def test_a_report_written_again_to_its_own_path_is_replaced(demo_cli, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    first = demo_cli(*command)
    assert first.exit_code == 0, first.output
    written = tmp_path / command[-1]
    os.utime(written, (0, 0))  # the rerun must replace it: seen by its time
    same = written.read_bytes()
    again = demo_cli(*command)
    assert again.exit_code == 0, again.output
    if command[:2] == ["export", "plan"]:  # a plan file holding the same bytes is left as it is (safe38)
        assert written.stat().st_mtime == 0 and written.read_bytes() == same
        return
    assert written.stat().st_mtime > 0 and written.stat().st_size > 0


def conflict_csv(path: Path) -> Path:
    return write_table(path, [["计划", "任务编号", "指标", "截至日期", "数值", "填报人"],
                              ["qingdao-2023", "1", "城镇新增就业", "2023-03-31", "1", "李四"]])


def reports_of(cli) -> int:
    return cli.sql("select count(*) from report")[0][0]


@pytest.mark.parametrize(("option", "column", "given", "row"), [
    (["--programme", "shenzhen-2023"], "计划", "shenzhen-2023", "qingdao-2023"),
    (["--as-of", "2023-06-30"], "截至日期", "2023-06-30", "2023-03-31"),
])
def test_an_option_that_disagrees_with_the_files_column_is_refused(demo_cli, tmp_path, option, column, given, row):
    path = conflict_csv(tmp_path / "conflict.csv")
    before = reports_of(demo_cli)
    result = demo_cli("import", "progress", str(path), *option)
    refused(result, f"{path}:2:{column}:", given, row, "nothing was written")
    assert reports_of(demo_cli) == before


def test_an_option_that_agrees_with_the_column_or_fills_its_blanks_is_taken(demo_cli, tmp_path):
    path = write_table(tmp_path / "ok.csv", [["计划", "任务编号", "指标", "截至日期", "数值", "填报人"],
                                             ["shenzhen-2023", "5", "供应", "2023-06-30", "1.2万", ""],
                                             ["", "5", "建设", "", "2.5万", "王五"]])
    result = demo_cli("import", "progress", str(path), "-p", "shenzhen-2023", "--as-of", "2023-06-30", "--by", "王五")
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stdout
    assert demo_cli.sql("select distinct reporter from report where source = 'ok.csv'") == [("王五",)]


def test_by_fills_the_blank_reporters_and_says_the_files_own_were_kept(demo_cli, tmp_path):
    path = conflict_csv(tmp_path / "conflict.csv")
    result = demo_cli("import", "progress", str(path), "--by", "王五")
    assert result.exit_code == 0, result.output
    assert "--by 王五 is the reporter of the rows with no 填报人 only" in result.stderr and "李四" in result.stderr
    assert demo_cli.sql("select reporter from report where source = 'conflict.csv'") == [("李四",)]


def test_a_task_naming_another_programme_disagrees_with_programme_too(demo_cli, tmp_path):
    path = write_table(tmp_path / "slash.csv", [["任务编号", "指标", "截至日期", "数值"],
                                                ["qingdao-2023/1", "城镇新增就业", "2023-03-31", "1"]])
    result = demo_cli("import", "progress", str(path), "-p", "shenzhen-2023")
    refused(result, f"{path}:2:任务编号:", "shenzhen-2023", "qingdao-2023")


@pytest.mark.parametrize(("day", "ok"), [("2024-01-31", True), ("2024-02-01", False), ("2024-12-31", False)])
def test_a_report_date_is_in_the_programmes_year_or_the_january_after(demo_cli, tmp_path, day, ok):
    path = write_table(tmp_path / "late.csv", [["计划", "任务编号", "指标", "截至日期", "数值"],
                                               ["shenzhen-2023", "5", "供应", day, "1.9万"]])
    imported = demo_cli("import", "progress", str(path))
    logged = demo_cli("log", "shenzhen-2023/5", "1.9万", "-i", "供应", "--as-of", day)
    if ok:
        assert imported.exit_code == 0, imported.output
        assert logged.exit_code == 0, logged.output
    else:
        refused(imported, f"{path}:2:截至日期:", "outside the programme's year 2023 (or the January after)")
        refused(logged, "--as-of", "outside the programme's year 2023 (or the January after)")


def test_a_value_already_there_with_another_note_is_said_not_dropped_silently(demo_cli, tmp_path):
    header = ["计划", "任务编号", "指标", "截至日期", "数值", "备注", "填报人"]
    first = write_table(tmp_path / "a.csv", [header, ["shenzhen-2023", "5", "供应", "2023-06-30", "1.2万", "区报数", "李四"]])
    assert demo_cli("import", "progress", str(first)).exit_code == 0
    again = demo_cli("import", "progress", str(first))
    assert "1 already there" in again.stdout and "another note" not in again.stdout, again.stdout
    other = write_table(tmp_path / "b.csv", [header, ["shenzhen-2023", "5", "供应", "2023-06-30", "1.2万", "新备注", "李四"]])
    result = demo_cli("import", "progress", str(other))
    assert result.exit_code == 0, result.output
    assert "1 already there" in result.stdout
    assert "1 of the 1 already there has another note or reporter than the stored report: not stored" in result.stdout
    assert "mstrack log" in result.stdout
    assert demo_cli.sql("select count(*) from report where note = '新备注'") == [(0,)]


def test_a_large_file_again_with_notes_counts_them_on_the_columnar_path(demo_cli, tmp_path):
    plain = tmp_path / "big.csv"
    big_csv(demo_cli, plain, 3000)
    assert demo_cli("import", "progress", str(plain)).exit_code == 0
    lines = plain.read_text(encoding="utf-8").splitlines()
    noted = tmp_path / "noted.csv"
    noted.write_text("\n".join([lines[0] + ",note", *(line + ",补报" for line in lines[1:])]) + "\n", encoding="utf-8")
    result = demo_cli("import", "progress", str(noted))
    assert result.exit_code == 0, result.output
    assert "3000 already there" in result.stdout
    assert "3000 of the 3000 already there have another note" in result.stdout, result.stdout


ONE_ROW = "计划,任务编号,指标,截至日期,数值\nshenzhen-2023,5,供应,2023-06-30,1.22万\n"


def test_a_header_with_no_rows_is_nothing_to_import_as_an_empty_file_is(demo_cli, tmp_path):
    header = tmp_path / "header.csv"
    header.write_text(ONE_ROW.splitlines()[0] + "\n", encoding="utf-8")
    refused(demo_cli("import", "progress", str(header)), f"{header}: no rows under the header: nothing to import")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    refused(demo_cli("import", "progress", str(empty)), str(empty))


def test_the_same_file_given_twice_is_refused(demo_cli, tmp_path, monkeypatch):
    path = tmp_path / "one.csv"
    path.write_text(ONE_ROW, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = reports_of(demo_cli)
    refused(demo_cli("import", "progress", "one.csv", str(path)), "given twice", "give each file once")
    assert reports_of(demo_cli) == before


@pytest.mark.parametrize(("name", "text"), [("u16.csv", ONE_ROW), ("u16.txt", ONE_ROW.replace(",", "\t").replace("\n", "\r\n"))])
def test_utf16_with_a_byte_order_mark_is_read(demo_cli, tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-16"))
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 0, result.output
    assert "1 new" in result.stdout
    assert demo_cli.sql(f"select value from report where source = '{name}'") == [(12200,)]
