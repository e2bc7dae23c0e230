"""safe41a: nothing lost in files that cannot carry a mark. -o keeps a record of what it wrote (path, size, SHA-256,
when) in the user's data directory (store/written): a CSV report with a row added, a JSON report with a value changed,
a printout with notes typed under it are refused as changed since mstrack wrote them; untouched, they are replaced,
a printout under a name of no format too, whatever its as-of date. No record: the file is judged by its content, as
before. A record that cannot be written never stops a report. And three refusals say what the file is."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import done, forget_written, kept, sha

CHANGED_SINCE = "the file has changed since mstrack wrote it on "
MSTRACK = Path(sys.executable).with_name("mstrack")


def units(cli, target: Path, *options: str, on: str = "2023-06-30"):
    return cli("units", "--as-of", on, *options, "-o", str(target))


def record() -> Path:
    """The record's file in this test's data directory (conftest: XDG_DATA_HOME is the test's own)."""
    return Path(os.environ["XDG_DATA_HOME"]) / "mstrack" / "written.db"


def recorded() -> dict[str, tuple[int, str]]:
    """Each path's newest write (safe42b: the record keeps the last few of each path, table `writes`)."""
    with sqlite3.connect(record()) as connection:
        return {path: (size, digest) for path, size, digest
                in connection.execute("SELECT path, size, sha256 FROM writes ORDER BY at, rowid")}


def append(path: Path, text: str, encoding: str = "utf-8") -> None:
    with path.open("a", encoding=encoding, newline="") as handle:
        handle.write(text)


# --- 1. the record: what mstrack wrote, unchanged, is replaced; changed since, it is kept ----------------------------

def test_a_csv_report_with_a_row_added_is_kept(demo_cli, tmp_path):
    target = tmp_path / "units.csv"
    done(units(demo_cli, target))
    assert recorded() == {os.path.realpath(target): (target.stat().st_size, sha(target))}
    append(target, "办公室补充,1,1,0,0,0,0,0,100%,（电话核实）\r\n")
    as_written = sha(target)
    said = kept(units(demo_cli, target, on="2023-07-31"), target, as_written, f"--output {target}: {CHANGED_SINCE}")
    assert "give another -o name, or delete the file yourself" in said


def test_a_csv_report_untouched_is_replaced_by_the_next_week_s(demo_cli, tmp_path):
    target = tmp_path / "units.csv"
    done(units(demo_cli, target))
    done(demo_cli("--lang", "zh", "units", "--as-of", "2023-07-31", "-o", str(target)))  # next week, in Chinese
    assert target.read_text(encoding="utf-8-sig").startswith("单位,")
    assert recorded()[os.path.realpath(target)][1] == sha(target)


def test_a_json_report_with_a_value_changed_is_kept(demo_cli, tmp_path):
    target = tmp_path / "units.json"
    done(units(demo_cli, target))
    rows = json.loads(target.read_text(encoding="utf-8"))
    rows[0]["completion_rate"] = 0.5  # the office's correction, the layout as mstrack wrote it
    target.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    as_written = sha(target)
    kept(units(demo_cli, target), target, as_written, CHANGED_SINCE)
    done(units(demo_cli, tmp_path / "again.json"))
    done(units(demo_cli, tmp_path / "again.json", on="2023-07-31"))  # untouched: replaced


@pytest.mark.parametrize("name", ["units.txt", "units-latest"])
def test_a_printout_with_notes_typed_under_it_is_kept(demo_cli, tmp_path, name):
    target = tmp_path / name
    done(units(demo_cli, target))
    append(target, "\n办公室备注：市卫生健康局 7 月 5 日前补报\n")
    as_written = sha(target)
    kept(units(demo_cli, target), target, as_written, CHANGED_SINCE)  # the same report: kept all the same


@pytest.mark.parametrize("name", ["units-latest", "units.log", "units.txt"])
def test_a_printout_under_any_name_is_replaced_by_the_next_week_s(demo_cli, tmp_path, name):
    """The first line carries the as-of date: without the record, next week's printout was refused as not mstrack's."""
    target = tmp_path / name
    done(units(demo_cli, target, on="2023-06-30"))
    assert "as of 2023-06-30" in target.read_text(encoding="utf-8").splitlines()[0]
    done(units(demo_cli, target, on="2023-07-07"))
    assert "as of 2023-07-07" in target.read_text(encoding="utf-8").splitlines()[0]


def test_the_installed_command_keeps_a_csv_with_a_row_added(demo_cli, tmp_path):
    target = tmp_path / "单位.csv"
    env = {**os.environ, "MSTRACK_LANG": "en"}
    command = [str(MSTRACK), "--db", str(demo_cli.db), "units", "--as-of", "2023-06-30", "-o", str(target)]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 0, again.stderr  # untouched: replaced
    append(target, "合计,40,0,0,0,30,0,10,0%,\r\n")
    before = sha(target)
    refused_run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert refused_run.returncode == 2, refused_run.stderr
    assert CHANGED_SINCE in refused_run.stderr and "Traceback" not in refused_run.stderr
    assert sha(target) == before


def test_without_a_record_the_file_is_judged_by_its_content(demo_cli, tmp_path):
    """Another machine's report, an older version's, a record deleted: no new refusal on a first run."""
    target = tmp_path / "units.csv"
    done(units(demo_cli, target))
    append(target, "办公室补充,1,1,0,0,0,0,0,100%,\r\n")
    forget_written()
    done(units(demo_cli, target))  # mstrack's CSV header: replaced, as before the record
    assert "办公室补充" not in target.read_text(encoding="utf-8-sig")


def test_a_markdown_report_whose_mark_holds_is_replaced_whatever_the_record_says(demo_cli, tmp_path):
    target = tmp_path / "weekly.md"
    done(demo_cli("report", "weekly", "--as-of", "2023-06-30", "-o", str(target)))
    printed = demo_cli("report", "weekly", "--as-of", "2023-06-23", "-f", "md")  # saved from stdout: marked, unrecorded
    done(printed)
    target.write_bytes(printed.stdout_bytes)
    done(demo_cli("report", "weekly", "--as-of", "2023-07-07", "-o", str(target)))
    assert "2023-07-07" in target.read_text(encoding="utf-8")


def test_an_empty_file_is_replaced_whatever_the_record_says(demo_cli, tmp_path):
    target = tmp_path / "units.csv"
    done(units(demo_cli, target))
    target.write_bytes(b"")
    done(units(demo_cli, target))
    assert target.stat().st_size > 0


def test_two_processes_writing_reports_at_once_keep_both_records(demo_cli, tmp_path):
    """Each writes one notice per unit (dozens of records each), at the same time, through the installed command."""
    env = {**os.environ, "MSTRACK_LANG": "en"}
    folders = [tmp_path / "a", tmp_path / "b"]
    running = [subprocess.Popen([str(MSTRACK), "--db", str(demo_cli.db), "report", "notice", "--each-unit", "--as-of",
                                 "2023-06-30", "-f", "md", "-o", str(folder)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env) for folder in folders]
    for process in running:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert "warning" not in err, err
    written = sorted(os.path.realpath(path) for folder in folders for path in folder.iterdir())
    assert len(written) > 4
    found = recorded()
    assert sorted(found) == written
    assert all(found[path] == (Path(path).stat().st_size, sha(path)) for path in written)


def test_the_record_keeps_the_newest_paths(tmp_path, monkeypatch):
    from mstrack.store import written

    monkeypatch.setattr(written, "KEEP_PATHS", 3)
    paths = [tmp_path / f"r{n}.csv" for n in range(5)]
    for n, path in enumerate(paths):
        path.write_text("x")
        written.remember(path, 1, f"{n:064x}")
    assert sorted(recorded()) == sorted(os.path.realpath(path) for path in paths[2:])
    assert written.lookup(paths[0]) is None
    assert written.lookup(paths[4]).sha256 == f"{4:064x}"


def test_a_record_that_cannot_be_written_never_stops_a_report(demo_cli, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "mstrack").write_text("a file where the data directory would be")
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    target = tmp_path / "units.csv"
    result = units(demo_cli, target)
    done(result)
    assert target.read_text(encoding="utf-8-sig").startswith("Unit,")
    assert "mstrack: warning: " in result.stderr and "not recorded as written by mstrack" in result.stderr
    done(units(demo_cli, target, on="2023-07-31"))  # judged by its content: mstrack's CSV header, replaced


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write a read-only folder")
def test_a_read_only_data_directory_never_stops_a_report(demo_cli, tmp_path, monkeypatch):
    data = tmp_path / "data"
    (data / "mstrack").mkdir(parents=True)
    (data / "mstrack").chmod(0o555)
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    target = tmp_path / "units.json"
    try:
        result = units(demo_cli, target)
    finally:
        (data / "mstrack").chmod(0o755)
    done(result)
    assert json.loads(target.read_text(encoding="utf-8"))[0]["unit"]
    assert "not recorded as written by mstrack" in result.stderr


def test_a_record_that_cannot_be_read_is_set_aside_once(demo_cli, tmp_path):
    """safe42b: a damaged record is no "no record" for the run that finds it (tests/test_safe42b.py): it is set aside,
    said once, and the next run judges the file by what it holds."""
    target = tmp_path / "units.csv"
    done(units(demo_cli, target))
    forget_written()
    record().write_bytes(b"not a database at all, 100 bytes of it" * 3)
    before = sha(target)
    kept(units(demo_cli, target), target, before, "the record of the files mstrack wrote", "was damaged")
    result = units(demo_cli, target)  # judged by its content, a new record begun
    done(result)
    assert "warning" not in result.stderr and os.path.realpath(target) in recorded()


# --- 3. refusals that say what the file is ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["units.txt", "units.log"])
def test_a_plan_over_a_printout_says_the_file_exists(demo_cli, tmp_path, name):
    target = tmp_path / name
    done(units(demo_cli, target))
    as_written = sha(target)
    said = kept(demo_cli("export", "plan", "yantian-2023", "-o", str(target)), target, as_written,
                f"--output {target}: exists already")
    assert "no progress table header" not in said


def test_an_ini_file_is_not_said_as_json(demo_cli, tmp_path):
    target = tmp_path / "settings.ini"
    target.write_text("[paths]\nreports = D:/月报\n\n[mail]\nto = office@example.org\n", encoding="utf-8")
    as_written = sha(target)
    said = kept(units(demo_cli, target), target, as_written, "the file was not written by mstrack",
                "a script's settings")
    assert "its keys are none of a report's" not in said


def test_a_utf16_unicode_text_return_is_said_as_a_unit_s_figures(demo_cli, tmp_path):
    """Excel's "Unicode Text" (tab-separated, UTF-16 with its byte order mark FF FE) saved as .txt."""
    target = tmp_path / "住建局回复.txt"
    rows = ["计划\t任务编号\t指标\t截至日期\t数值", "yantian-2023\t1\t新建床位\t2023-06-30\t30"]
    target.write_bytes(b"\xff\xfe" + "\r\n".join(rows).encode("utf-16-le") + "\r\n".encode("utf-16-le"))
    as_written = sha(target)
    kept(units(demo_cli, target), target, as_written, "the file holds a unit's figures")


def test_an_exported_plan_is_not_recorded_so_a_report_never_replaces_it(demo_cli, tmp_path):
    """review41s: `export plan -o` (a file that must be new) was recorded, and the record let `units -o` replace the plan
    with a printout, exit 0; without a record it was refused as not written by mstrack."""
    target = tmp_path / "out.toml"
    done(demo_cli("export", "plan", "shenzhen-2023", "-o", str(target)))
    assert os.path.realpath(target) not in (recorded() if record().exists() else {})
    before = sha(target)
    kept(units(demo_cli, target), target, before, f"--output {target}: the file was not written by mstrack")
