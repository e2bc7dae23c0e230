"""safe44c: nothing lost to a file's name. A name with a leading '-' in a hint typed as shown; an -o name the file
system allows written (its temporary's name fits too), one it does not refused by name, before anything is written
(every notice's name looked at first, a folder too deep refused before it is made); a file name that is not UTF-8
read and shown readably; an import from a pipe read, never called empty; a BOM in a header cell read as nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import done, refused

MSTRACK = Path(sys.executable).with_name("mstrack")


@pytest.mark.sqlite_only  # about a backup's file name beside an SQLite file
def test_a_backup_hint_for_a_name_with_a_leading_dash_works_as_typed(demo_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert demo_cli("db", "backup", "--", "-bk.db").exit_code == 0
    said = refused(demo_cli("db", "backup", "--", "-bk.db"), "exists already")
    hint = said.strip().splitlines()[-1].split()
    assert hint[:4] == ["mstrack", "--db", str(demo_cli.db), "db"] and hint[4] == "backup", said
    assert hint[5].startswith("./-bk-"), said
    typed = subprocess.run([str(MSTRACK), *hint[1:]], capture_output=True, text=True, cwd=tmp_path,
                           env={**os.environ, "HOME": str(tmp_path)})
    assert typed.returncode == 0, typed.stderr
    assert (tmp_path / hint[5]).stat().st_size > 0


def long_name(size: int, suffix: str = ".csv") -> str:
    """A file name of `size` bytes."""
    return "w" * (size - len(suffix)) + suffix


@pytest.mark.sqlite_only  # about -o's file names; the store is only read
def test_an_output_name_the_file_system_allows_is_written(demo_cli, tmp_path):
    from mstrack.render.outputs import remove_stale_parts, replacing_path

    target = tmp_path / long_name(251)
    done(demo_cli("units", "--as-of", "2023-06-30", "-o", str(target)))
    assert "市卫生健康局,12" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    # a part left by a killed run of such a name is found again (its name shortened, as replacing_path made it)
    with pytest.raises(KeyboardInterrupt), replacing_path(target) as temporary:
        part = Path(temporary)
        left = tmp_path / "kept"
        os.link(part, left)
        raise KeyboardInterrupt
    assert len(os.fsencode(part.name)) <= 255
    os.rename(left, part)
    os.utime(part, (0, 0))
    assert remove_stale_parts(target) == 1 and not part.exists()


TOO_LONG = "the name is longer than the file system allows ("


@pytest.mark.sqlite_only  # about -o's and --db's file names, said before any store is opened
def test_a_name_longer_than_the_file_system_allows_is_refused_by_name(demo_cli, tmp_path):
    target = tmp_path / long_name(300)
    said = refused(demo_cli("units", "--as-of", "2023-06-30", "-o", str(target)), "error: -o '",
                   TOO_LONG + "300 bytes, at most 255)")
    assert "Traceback" not in said and list(tmp_path.iterdir()) == [demo_cli.db]
    database = tmp_path / long_name(300, ".db")
    typed = subprocess.run([str(MSTRACK), "--lang", "en", "--db", str(database), "status"], capture_output=True, text=True,
                           env={**os.environ, "HOME": str(tmp_path)})
    assert typed.returncode == 2, typed.stderr
    assert "--db " in typed.stderr and TOO_LONG + "300 bytes, at most 255)" in typed.stderr, typed.stderr


def long_unit_plan(cli, tmp_path: Path, unit: str) -> None:
    """The demo's qingdao-2023 with 市体育局 renamed `unit`, imported into `cli`'s store."""
    plan = tmp_path / "qd.toml"
    done(cli("export", "plan", "qingdao-2023", "-o", str(plan)))
    renamed = tmp_path / "qd-long.toml"
    renamed.write_text(plan.read_text(encoding="utf-8").replace("市体育局", unit), encoding="utf-8")
    done(cli("import", "plan", str(renamed)))


@pytest.mark.sqlite_only  # about the notices' file names; the store is only read
def test_each_unit_looks_at_every_name_before_the_first_notice_is_written(demo_cli, tmp_path):
    unit = "市" + "体" * 88 + "局"
    long_unit_plan(demo_cli, tmp_path, unit)
    folder = tmp_path / "notices"
    result = demo_cli("report", "notice", "--each-unit", "-p", "qingdao-2023", "--as-of", "2023-12-31", "-f", "md",
                      "-o", str(folder))
    said = refused(result, f"{folder / unit}.md", TOO_LONG + "273 bytes, at most 255)")
    assert isinstance(result.exception, SystemExit) and "→" not in said
    assert not folder.exists()


@pytest.mark.sqlite_only  # about a folder's path; the store is only read
def test_a_folder_deeper_than_the_system_allows_is_refused_before_it_is_made(demo_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for _ in range(21):  # each step relative: the whole path is more than the system takes in one name
        os.mkdir("c" * 200)
        monkeypatch.chdir("c" * 200)
    result = demo_cli("report", "notice", "--each-unit", "-p", "qingdao-2023", "--as-of", "2023-12-31", "-f", "md",
                      "-o", "N")
    said = refused(result, "-o 'N': the path is longer than mstrack can write (")
    assert "run the command again" not in said
    assert not os.path.lexists("N")


GBK_NAME = os.fsdecode(b"\xd7\xa1\xbd\xa8\xbe\xd6")  # 住建局 in GBK bytes, as a Windows zip unpacked on Linux names it


def test_a_table_and_a_plan_named_in_gbk_bytes_are_imported(cli, tmp_path):
    table = tmp_path / f"{GBK_NAME}.csv"
    table.write_text("序号,工作任务,牵头单位,完成时限\n1,新建社区公园5个,市城管局,2024年12月底\n"
                     "2,新增学位2000个,市教育局,2024年9月底\n", encoding="utf-8")
    plan = tmp_path / f"{GBK_NAME}.toml"
    done(cli("import", "table", str(table), "-p", "x-2024", "--year", "2024", "-o", str(plan)))
    text = plan.read_text(encoding="utf-8")
    assert 'name = "住建局"' in text and 'source = "住建局.csv"' in text, text
    done(cli("import", "plan", str(plan)))
    assert cli.sql("select name, source from programme") == [("住建局", "住建局.csv")]
    assert [row[0] for row in cli.sql("select source from batch")] == ["住建局.toml"]


def test_a_missing_file_named_in_gbk_bytes_is_said_missing(cli, tmp_path):
    missing = tmp_path / f"{GBK_NAME}-missing.toml"
    said = refused(cli("import", "plan", str(missing)), "No such file")
    assert "not UTF-8 text" not in said


def test_a_name_in_bytes_that_are_not_utf8_is_said_readably(demo_cli, tmp_path):
    empty = tmp_path / f"{GBK_NAME}.csv"
    empty.write_bytes(b"")
    odd = tmp_path / os.fsdecode(b"w\xfe.csv")
    odd.write_bytes(b"")
    said = refused(demo_cli("import", "progress", str(empty), str(odd)))
    assert f"{tmp_path}/住建局.csv: " in said and f"{tmp_path}/w\ufffd.csv: " in said, said
    assert "\\udc" not in said and not any("\udc80" <= char <= "\udcff" for char in said)


NOT_A_FILE = "not a regular file (a pipe, a device or a socket)"


def test_an_import_from_a_pipe_or_a_device_is_refused_as_not_a_file_never_as_empty(demo_cli, tmp_path):
    before = demo_cli.sql("select count(*) from report")
    fifo = tmp_path / "rows.csv"
    os.mkfifo(fifo)
    for argv in (["import", "progress", str(fifo)], ["import", "progress", "/dev/null"],
                 ["import", "plan", str(fifo)], ["import", "table", str(fifo), "-p", "x-2024", "--year", "2024",
                                                "-o", str(tmp_path / "plan.toml")]):
        said = refused(demo_cli(*argv), NOT_A_FILE)
        assert "empty" not in said, said
    assert demo_cli.sql("select count(*) from report") == before and not (tmp_path / "plan.toml").exists()


@pytest.mark.sqlite_only  # a shell's pipe into a subprocess; the store is only checked for what was written
def test_rows_piped_into_import_progress_are_refused_with_the_way_on(demo_cli, tmp_path):
    rows = "计划,任务编号,指标,截至日期,数值,备注\nyantian-2023,3,社区公园,2023-07-31,5,ok\n"
    typed = subprocess.run([str(MSTRACK), "--lang", "en", "--db", str(demo_cli.db), "import", "progress", "/dev/stdin"],
                           input=rows, capture_output=True, text=True, env={**os.environ, "HOME": str(tmp_path)})
    assert typed.returncode == 2 and NOT_A_FILE in typed.stderr and "empty" not in typed.stderr, typed.stderr


def test_a_bom_inside_a_header_cell_is_read_as_nothing(demo_cli, tmp_path):
    """Two files joined (`cat title.csv rows.csv`), the second's BOM now inside the header's first cell."""
    rows = tmp_path / "rows.csv"
    rows.write_text("盐田区民生实事进度\n\ufeff计划,任务编号,指标,截至日期,数值,备注\n"
                    "yantian-2023,3,社区公园,2023-07-31,5,ok\n", encoding="utf-8")
    done(demo_cli("import", "progress", str(rows)))
    assert demo_cli.sql("select count(*) from report where note = 'ok'") == [(1,)]


@pytest.mark.sqlite_only  # a backup's file name beside an SQLite file
def test_a_line_naming_a_file_in_gbk_bytes_is_printed_readably(demo_cli, tmp_path):
    target = tmp_path / f"{GBK_NAME}.db"
    result = demo_cli("db", "backup", str(target))
    done(result)
    assert f"→ {tmp_path}/住建局.db" in result.output and target.stat().st_size > 0
