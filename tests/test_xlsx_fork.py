"""calamine's parse of a large sheet in a child process (sources/xlsx_fork.py): the rows it sends are the rows this
process would read; a child that fails leaves its work to this process, which meets calamine's errors as before; the
guard's refusal, a reader closed early and Ctrl-C end the child; and a small sheet, or one core, forks nothing.
(tests/test_xlsx_reader.py reads every one of its sheets through a child too.)"""

import os
import signal
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook

import mstrack.sources.xlsx_fork as xlsx_fork
from mstrack.errors import InputError
from mstrack.sources.sheets import read_rows
from mstrack.sources.xlsx import xlsx_cells

from .test_hostile_input import DATA


@pytest.fixture
def forking(monkeypatch) -> list:
    """Every sheet parsed in a child; the children made, as [ForkedSheet]."""
    made = []
    original = xlsx_fork.ForkedSheet.__init__

    def spy(self, *args):
        original(self, *args)
        made.append(self)

    monkeypatch.setattr(xlsx_fork, "FORK_SHEET_BYTES", (0, 1 << 40))
    monkeypatch.setattr(xlsx_fork, "idle_core", lambda: True)  # whatever the machine's load
    monkeypatch.setattr(xlsx_fork.ForkedSheet, "__init__", spy)
    return made


def in_process(monkeypatch) -> None:
    monkeypatch.setattr(xlsx_fork, "FORK_SHEET_BYTES", (1 << 40, 1 << 41))


def reaped(pid: int) -> bool:
    """Whether the child is gone and reaped (no zombie left behind). Asked without reaping it (WNOWAIT): a child
    that had sent every row and ended was reaped here before, and the reader's own close found it gone."""
    if not pid:  # the reader forgot it: closed
        return True
    try:
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return True
    return False


def test_a_child_reaped_by_someone_else_is_closed_quietly(tmp_path, forking):
    """A program that waits on every child (or a test's probe) may reap the reader's child first: closing it then
    is no error."""
    path = sheet_of_every_kind(tmp_path / "kinds.xlsx")
    blocks = xlsx_cells(path, None)
    assert len(next(blocks)) == 1024
    pid = forking[0].pid
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    blocks.close()
    assert forking[0].pid is None and reaped(pid)


def sheet_of_every_kind(path: Path, rows: int = 2600) -> Path:
    """Rows over several blocks (1,024 rows each) with cells of every kind calamine gives: repeated and unique
    texts, whole and fractional numbers, dates, timestamps, times, booleans, blanks, a percent style, and a block
    of mixed kinds in one column."""
    book = Workbook()
    sheet = book.active
    sheet.append(["计划", "任务编号", "指标", "截至日期", "数值", "备注", "填报人"])
    for number in range(1, rows):
        when = date(2023, 1 + number % 12, 1 + number % 28)
        value = number / 8 if number % 3 else number
        note = None if number % 5 == 0 else f"第{number}行"
        kind = number % 7
        mixed = [f"x{number}", number, 1.5, datetime(2023, 3, 4, 5, 6), time(7, 8), True, None][kind] if number > 2000 else "同"
        sheet.append(["p-2023", number % 40, "新增就业", when, value, note, mixed])
        if number % 11 == 0:
            sheet.cell(row=number + 1, column=5).number_format = "0.0%"
    book.save(path)
    return path


def all_rows(path: Path) -> list:
    return [(row.number, row.cells) for row in read_rows(path, None)]


def test_a_sheet_parsed_in_a_child_gives_the_rows_this_process_reads(tmp_path, monkeypatch, forking):
    path = sheet_of_every_kind(tmp_path / "kinds.xlsx")
    forked = all_rows(path)
    assert len(forking) == 1 and forking[0].sent == 2600 and reaped(forking[0].pid or 0)
    in_process(monkeypatch)
    assert forked == all_rows(path)
    assert {type(cells[6]) for _, cells in forked} >= {str, int, float, date, time}


def test_a_child_that_stops_midway_leaves_the_rest_to_this_process(tmp_path, monkeypatch, forking):
    path = sheet_of_every_kind(tmp_path / "kinds.xlsx")
    frames = []
    send = xlsx_fork._send

    def dies_after_two_blocks(out, frame):  # runs in the child: the header and two blocks, then the child is gone
        if len(frames) == 3:
            out.flush()
            os._exit(9)
        frames.append(frame)
        send(out, frame)

    monkeypatch.setattr(xlsx_fork, "_send", dies_after_two_blocks)
    forked = all_rows(path)
    assert forking[0].sent == 2048  # two blocks from the child, the rest parsed here
    in_process(monkeypatch)
    assert forked == all_rows(path)


def test_a_child_that_fails_at_once_leaves_the_sheet_to_this_process(tmp_path, monkeypatch, forking):
    path = sheet_of_every_kind(tmp_path / "kinds.xlsx", rows=50)
    monkeypatch.setattr(xlsx_fork, "_child", lambda *args: os._exit(1))
    forked = all_rows(path)
    assert len(forking) == 1 and forking[0].sent == 0
    in_process(monkeypatch)
    assert forked == all_rows(path)


def broken_sheet(path: Path) -> Path:
    """A sheet whose XML calamine refuses (a cell never closed), which the guard's searches pass."""
    sheet_of_every_kind(path, rows=20)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(b"</c>", b"", 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_calamines_error_in_a_child_is_named_as_this_process_names_it(tmp_path, monkeypatch, forking):
    path = broken_sheet(tmp_path / "broken.xlsx")
    with pytest.raises(InputError) as forked:
        all_rows(path)
    assert len(forking) == 1 and reaped(forking[0].pid or 0)
    in_process(monkeypatch)
    with pytest.raises(InputError) as here:
        all_rows(path)
    assert str(forked.value) == str(here.value)
    assert f"{path}: not a readable .xlsx file" in str(forked.value)


@pytest.mark.parametrize("name", ["huge-cell.xlsx", "unreferenced-cells.xlsx"])
def test_a_sheet_the_guard_refuses_ends_the_child(forking, name):
    with pytest.raises(InputError, match="more than mstrack reads in one sheet"):
        all_rows(DATA / name)
    assert len(forking) == 1 and forking[0].pid is None  # closed: killed and reaped


def test_a_streamed_sheet_ends_the_child_as_soon_as_the_guard_finds_it_large(tmp_path, monkeypatch, forking):
    """A sheet beyond STREAM_CELLS is streamed: its child is ended at the guard's first piece of XML beyond that, not
    after the guard's whole pass (the child would hold what calamine parsed so far)."""
    import mstrack.sources.xlsx
    import mstrack.sources.xlsx_xml

    path = sheet_of_every_kind(tmp_path / "kinds.xlsx", rows=2000)
    monkeypatch.setattr(mstrack.sources.xlsx, "STREAM_CELLS", 26 * 1000)
    monkeypatch.setattr(mstrack.sources.xlsx_xml, "CHUNK_BYTES", 16384)  # pieces of a few hundred rows
    pieces, ended = [], []
    reach, close = mstrack.sources.xlsx._reach, xlsx_fork.ForkedSheet.close
    monkeypatch.setattr(mstrack.sources.xlsx, "_reach", lambda piece, patterns, extent: (pieces.append(extent.rows),
                                                                                          reach(piece, patterns, extent)))
    monkeypatch.setattr(xlsx_fork.ForkedSheet, "close", lambda self: (ended.append(len(pieces)), close(self)))
    streamed = all_rows(path)
    assert len(forking) == 1 and forking[0].pid is None and forking[0].sent == 0
    assert pieces[ended[0]] >= 1000 and ended[0] < len(pieces) - 2  # ended a piece after 1,000 rows, not at the end
    in_process(monkeypatch)
    assert streamed == all_rows(path)


def test_a_reader_closed_early_ends_the_child(tmp_path, forking):
    path = sheet_of_every_kind(tmp_path / "kinds.xlsx")
    blocks = xlsx_cells(path, None)
    assert len(next(blocks)) == 1024
    pid = forking[0].pid
    assert pid is not None and not reaped(pid)
    blocks.close()
    assert forking[0].pid is None and reaped(pid)


def test_ctrl_c_during_an_import_ends_the_child_and_writes_nothing(demo_cli, tmp_path, monkeypatch, forking):
    """Ctrl-C (KeyboardInterrupt) after chunks were written, while the child still sends rows: the child is ended,
    the transaction rolled back."""
    import mstrack.sources.progress
    from mstrack.store import Store

    monkeypatch.setattr(mstrack.sources.progress, "CHUNK_ROWS", 500)
    path = tmp_path / "reports.xlsx"
    book = Workbook()
    book.active.append(["计划", "任务编号", "指标", "截至日期", "数值"])
    for number in range(3000):
        book.active.append(["shenzhen-2023", "28", "新增就业", date(2023, 6, 30), number])
    book.save(path)
    before = demo_cli.sql("select count(*) from report")
    read = []

    def interrupt(row: int) -> None:
        read.append(row)
        if len(read) == 4:  # three chunks in: two of them written
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        mstrack.sources.progress.import_progress(Store(demo_cli.url), [path], programme=None, sheet=None, default_as_of=None,
                                                 by=None, today=date(2023, 7, 1), dry_run=False, on_row=interrupt)
    assert read == [501, 1001, 1501, 2001]  # row numbers: the header is row 1
    assert len(forking) == 1 and forking[0].pid is None and forking[0].sent < 3001
    assert demo_cli.sql("select count(*) from report") == before


def test_small_sheets_a_busy_machine_or_threads_fork_nothing(monkeypatch):
    import threading

    low, high = xlsx_fork.FORK_SHEET_BYTES
    parse = None
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(os, "getloadavg", lambda: (1.4, 3.0, 3.0))
    assert xlsx_fork.idle_core()
    assert xlsx_fork.forked_sheet(Path("x.xlsx"), "Sheet1", low - 1, parse) is None
    assert xlsx_fork.forked_sheet(Path("x.xlsx"), "Sheet1", high + 1, parse) is None
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert xlsx_fork.forked_sheet(Path("x.xlsx"), "Sheet1", low, parse) is None
    monkeypatch.setattr(os, "getloadavg", lambda: (1.6, 0.0, 0.0))  # this process and more than half a core besides
    assert not xlsx_fork.idle_core()
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})  # one core
    assert not xlsx_fork.idle_core()


def test_a_fork_that_fails_leaves_the_sheet_to_this_process(tmp_path, monkeypatch, forking):
    """No process to be had (EAGAIN): no child, the pipe closed, and the sheet read here with its rows."""
    path = sheet_of_every_kind(tmp_path / "kinds.xlsx", rows=50)
    expected = all_rows(path)
    forking.clear()
    pipes = []
    pipe = os.pipe

    def recorded_pipe():
        pipes.append(pipe())
        return pipes[-1]

    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    closed = []
    close = os.close
    monkeypatch.setattr(os, "pipe", recorded_pipe)
    monkeypatch.setattr(os, "fork", no_fork)
    monkeypatch.setattr(os, "close", lambda fd: (closed.append(fd), close(fd)))
    assert all_rows(path) == expected
    assert forking == [] and len(pipes) == 1
    assert set(pipes[0]) <= set(closed)


def test_the_childs_memory_is_capped():
    """What a hostile extent makes calamine allocate fails in the child, before the guard has refused the sheet."""
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            xlsx_fork._cap_memory()
            bytearray(xlsx_fork.CHILD_MEMORY_BYTES + (1 << 30))
        except MemoryError:
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


@pytest.mark.sqlite_only  # compares two copies of the database file
def test_an_import_through_a_child_stores_and_says_what_one_without_stores_and_says(demo_cli, tmp_path, monkeypatch, forking):
    """The whole `import progress` (its JSON and the reports stored), with the sheet parsed in a child and without."""
    import json
    import shutil
    from datetime import timedelta

    from .conftest import Cli

    indicators = [("1", "新建扩建医院"), ("1", "培育全科医生"), ("1", "新增病床"), ("1", "新增社康机构"), ("10", "家庭照护者培训"),
                  ("12", "公办义务教育学位"), ("12", "公办高中学位"), ("12", "幼儿园学位")]
    path = tmp_path / "reports.xlsx"
    book = Workbook()
    book.active.append(["计划", "任务编号", "指标", "截至日期", "数值", "备注"])
    for day in range(300):
        for task, name in indicators:
            book.active.append(["shenzhen-2023", task, name, date(2023, 1, 1) + timedelta(days=day), day * 10,
                                None if day % 3 else f"第{day}次"])
    book.save(path)
    other = Cli(tmp_path / "other.db")
    shutil.copy(demo_cli.db, other.db)
    query = "select indicator_id, as_of, value, note, reporter, source from report order by id"
    forked = demo_cli("import", "progress", str(path), "--format", "json")
    assert forked.exit_code == 0, forked.output
    assert len(forking) == 1 and forking[0].sent == 2401
    in_process(monkeypatch)
    here = other("import", "progress", str(path), "--format", "json")
    assert here.exit_code == 0, here.output
    assert len(forking) == 1  # no second child
    assert json.loads(forked.stdout) == json.loads(here.stdout)  # stderr: warnings (over 3× a target)
    assert json.loads(here.stdout)["inserted"] == 2400
    assert demo_cli.sql(query) == other.sql(query)
