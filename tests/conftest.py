import csv
import functools
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mstrack.cli import app
from mstrack.domain.quantities import SCALE, SCALES, as_number, normalize

os.environ.setdefault("MSTRACK_LANG", "zh")  # the tests read Chinese tables, whatever the machine's locale
ROOT = Path(__file__).resolve().parents[1]


def _absolute_pythonpath() -> None:
    """The suite's subprocesses (sys.executable -m mstrack …) find the mstrack under test wherever they run: the
    PYTHONPATH the suite was started with (PYTHONPATH=src) made absolute, from the directory it was started in.
    Relative, a test that ran one in another directory got the installed copy instead."""
    given = os.environ.get("PYTHONPATH")
    if given:
        os.environ["PYTHONPATH"] = os.pathsep.join(str(Path(entry).resolve()) if entry else entry
                                                   for entry in given.split(os.pathsep))


_absolute_pythonpath()


@pytest.fixture(autouse=True, scope="session")
def _no_terminal_width_inherited():
    """GNU readline, which pytest loads, puts COLUMNS=80 and LINES=24 into the process's environment (not into
    os.environ): every subprocess a test started inherited them, and mstrack folds its notes, warnings and errors on
    stderr at COLUMNS, even into a pipe. Taken out for the run: a test that means a width gives it."""
    for name in ("COLUMNS", "LINES"):
        os.environ.pop(name, None)
        os.unsetenv(name)


@pytest.fixture(autouse=True)
def _working_directory_kept():
    """A test that leaves the working directory changed fails, and it is put back: a later test's relative paths
    (and, before _absolute_pythonpath, its subprocesses' mstrack) would depend on the order the tests ran in."""
    before = os.getcwd()
    yield
    after = os.getcwd()
    if after != before:
        os.chdir(before)
        pytest.fail(f"the test left the working directory changed ({before} → {after}); use monkeypatch.chdir",
                    pytrace=False)


@pytest.fixture(autouse=True)
def _data_directory_apart(tmp_path_factory):
    """Each test's user data directory (platformdirs: XDG_DATA_HOME) is its own, subprocesses' too: the record of the
    files -o wrote (store/written) and the default database are never the person's running the suite, and one test's
    reports are never known as written by mstrack in another's. Set and put back by hand: through monkeypatch, its
    own undo (a test's chdir too) would come after _working_directory_kept's check."""
    before = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("data"))
    yield
    if before is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = before


def _dying_with(parent: int):
    """A preexec_fn: the child is sent SIGKILL when the process that started it ends, however it ends (Linux's
    PR_SET_PDEATHSIG; a pytest killed by CI's timeout or by SIGKILL runs no teardown). Elsewhere it does nothing.
    The signal goes when the starting *thread* ends: start from the test's own thread. The ctypes call is
    prepared here, in the parent: after fork only it and getppid run."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes
    import signal

    prctl = ctypes.CDLL(None, use_errno=True).prctl

    def die_with_parent():
        prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent ended before the line above: nobody will send the signal
            os._exit(1)

    return die_with_parent


def start_in_background(argv: list, started: list, **options) -> subprocess.Popen:
    """Popen(ARGV) in a process group of its own that dies with the test's process (_dying_with), added to STARTED
    for stop_background."""
    process = subprocess.Popen(argv, start_new_session=True, preexec_fn=_dying_with(os.getpid()), **options)
    started.append(process)
    return process


def stop_background(started: list) -> None:
    """Each process of STARTED and its process group (what it started in turn) killed and reaped."""
    import contextlib
    import signal

    for process in started:
        with contextlib.suppress(ProcessLookupError, PermissionError):  # the group has ended
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def background():
    """Starts processes that outlive no test: `background(argv, **popen_options)` is a subprocess.Popen in a process
    group of its own, killed with everything it started at the test's teardown, and sent SIGKILL by the kernel if
    pytest itself dies first (a writer left running once held a lock after its pytest was killed)."""
    started: list[subprocess.Popen] = []
    yield functools.partial(start_in_background, started=started)
    stop_background(started)


def forget_written() -> None:
    """Delete this test's record of the files -o wrote (store/written): what another machine, an earlier version or a
    deleted record leaves, where a file is judged by what it holds."""
    (Path(os.environ["XDG_DATA_HOME"]) / "mstrack" / "written.db").unlink()


SOURCES = ROOT / "data" / "sources"
SEEDS = ROOT / "data" / "seed"

BACKEND = os.environ.get("MSTRACK_TEST_BACKEND", "sqlite")
"""The store the `cli` and `demo_cli` fixtures use: sqlite (always), or postgresql on the server that
MSTRACK_TEST_PG names (CI runs the suite a second time so). Tests marked sqlite_only are about files."""
PG_ADMIN = os.environ.get("MSTRACK_TEST_PG")
if BACKEND not in ("sqlite", "postgresql") or (BACKEND == "postgresql" and not PG_ADMIN):
    raise pytest.UsageError("MSTRACK_TEST_BACKEND is sqlite or postgresql, and postgresql needs MSTRACK_TEST_PG")


STORE_FIXTURES = frozenset({"cli", "demo_cli", "_demo_db"})
"""The fixtures that hand a test the store BACKEND names."""
STORE_NAMES = ("BACKEND",)
"""Names a test module (or a fixture's) imports when it picks its store itself, by BACKEND. A module that uses the
server MSTRACK_TEST_PG names whatever BACKEND says (tests/test_postgres.py, tests/test_db_copy.py) runs the same on
either pass: in the SQLite pass, which CI runs with the server named."""


STORE_TESTS = frozenset({
    "test_store.py", "test_store50.py", "test_store51.py", "test_store52.py", "test_postgres.py", "test_data_safety.py",
    "test_safe_store.py", "test_db_copy.py", "test_db_restore.py", "test_restore_into_new.py",
    "test_weekly_undo.py", "test_batch_ranges.py", "test_bounded_reads.py", "test_import_chunks.py",
    "test_import_columns.py", "test_import_stream.py", "test_interrupt_after_commit.py", "test_sqlite_file.py",
})
"""The modules about the store itself (store/, the write path, undo, history, concurrency, migrations, copying,
backups): none of their tests may be marked backend_independent; tests/test_pg_pass.py checks that each still meets
PostgreSQL in CI (in the PostgreSQL pass, or, for SERVER_TESTS, in the SQLite pass with the server named)."""
SERVER_TESTS = frozenset({"test_postgres.py", "test_db_copy.py"})
"""The modules that make PostgreSQL databases on MSTRACK_TEST_PG's server whatever BACKEND says: the same on either
pass, run in the SQLite pass."""
STORE_WORDS = re.compile(r"""\bStore\(|mstrack\.store|\.sql\(|["'](undo|history|batches|copy|backup|restore|upgrade|check)["']|"""
                         r"""Popen|Thread|_pg_database|MSTRACK_TEST_PG""")
"""What a test names when it checks the store's behaviour (reads it directly, undoes, reads history, copies, backs up,
restores, upgrades, checks, writes from other processes or threads): a test whose own source holds one of these may
not be marked backend_independent."""


def _refuse_misplaced_marks(items) -> None:
    """backend_independent only on tests that check output, not the store: never in a module of STORE_TESTS, never
    on a test whose own code names the store's behaviour (STORE_WORDS). Checked on either pass, so that a wrong mark
    fails where it is written, not only in CI's PostgreSQL pass."""
    import inspect

    wrong = []
    for item in items:
        if item.get_closest_marker("backend_independent") is None:
            continue
        if Path(str(item.fspath)).name in STORE_TESTS:
            wrong.append(f"{item.nodeid}: its module is about the store (STORE_TESTS)")
            continue
        function = getattr(item, "function", None)
        try:
            source = inspect.getsource(function) if function is not None else ""
        except (OSError, TypeError):
            source = ""
        found = STORE_WORDS.search(source)
        if found:
            wrong.append(f"{item.nodeid}: it names the store's behaviour ({found[0]!r})")
    if wrong:
        raise pytest.UsageError("backend_independent marks a test that checks only output (docs/testing.md), not:\n  "
                                + "\n  ".join(wrong))


SHARD = os.environ.pop("MSTRACK_TEST_SHARD", None)
"""This process's share of a pass (_shard; .ci/run), taken out of the environment: a test's own pytest (tests/test_background,
tests/test_pg_pass) collects every test it names, not a share of them."""


def pytest_collection_modifyitems(config, items):
    _refuse_misplaced_marks(items)
    if BACKEND == "sqlite":
        mine, other = _shard(items, SHARD)
        if other:  # CI's SQLite pass as two processes, as the PostgreSQL pass (.ci/run)
            config.hook.pytest_deselected(items=other)
            items[:] = mine
        return
    skip = pytest.mark.skip(reason="about SQLite files; this run tests the postgresql backend")
    kept, same = [], []
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)
        meets = _meets_the_store(item) and item.get_closest_marker("backend_independent") is None
        (kept if meets else same).append(item)
    kept, other = _shard(kept, SHARD)
    same += other
    if same:  # run exactly as in the SQLite pass: running them again proves nothing about PostgreSQL
        config.hook.pytest_deselected(items=same)
        items[:] = kept


def _shard(items: list, shard: str | None) -> tuple[list, list]:
    """MSTRACK_TEST_SHARD=K/N (CI's .ci/run): the K-th of N processes sharing a pass (SQLite or PostgreSQL) takes whole
    test files (a module's fixtures made once), each file going to the share with the fewest tests so far, files by size: every
    test in exactly one share, shares even in tests. Unset: every test. Returns (this share's, the others')."""
    if not shard:
        return items, []
    try:
        number, count = (int(part) for part in shard.split("/"))
        assert 1 <= number <= count
    except (ValueError, AssertionError):
        raise pytest.UsageError(f"MSTRACK_TEST_SHARD is K/N with 1 <= K <= N, not {shard!r}") from None
    files: dict[str, list] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::", 1)[0], []).append(item)
    sizes = [0] * count
    mine: set[str] = set()
    for path in sorted(files, key=lambda path: (-len(files[path]), path)):
        share = sizes.index(min(sizes))
        sizes[share] += len(files[path])
        if share == number - 1:
            mine.add(path)
    return ([item for item in items if item.nodeid.split("::", 1)[0] in mine],
            [item for item in items if item.nodeid.split("::", 1)[0] not in mine])


def _meets_the_store(item) -> bool:
    """Whether a test can reach the store BACKEND names: through a store fixture, or in a module (its own or a
    fixture's) that chooses its store by BACKEND. Any other test runs the same on either pass (it has no database,
    an SQLite file it names, or a PostgreSQL database it makes whatever BACKEND says)."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None or STORE_FIXTURES & set(info.names_closure):
        return True
    modules = {getattr(item, "module", None)}
    for definitions in info.name2fixturedefs.values():
        modules.update(sys.modules.get(getattr(d.func, "__module__", ""), None) for d in definitions)
    return any(_chooses_its_store(module.__name__) for module in modules if module is not None)


@functools.cache
def _chooses_its_store(name: str) -> bool:
    module = sys.modules[name]
    if name == __name__:
        return False  # conftest itself: its store fixtures are named above
    return any(name in vars(module) for name in STORE_NAMES)


ERROR_LINES = ("mstrack: error: ", "mstrack: 错误：")
"""How mstrack's own error line starts, in English and in Chinese."""


def refused(result, *parts: str) -> str:
    """Exit code 2 said by mstrack's one error path: a `mstrack: error:` line on stderr (in either language),
    every part in stderr. An in-process run re-raises what the command raised (catch_exceptions=False),
    so this line, not the absence of a traceback, is what shows the error was turned into a message."""
    assert result.exit_code == 2, result.output
    assert any(line.startswith(ERROR_LINES) for line in result.stderr.splitlines()), result.stderr
    for part in parts:
        assert part in result.stderr, (part, result.stderr)
    return result.stderr


def sha(path) -> str:
    """A file's SHA-256: what a refused -o must leave byte for byte."""
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def kept(result, path, before: str, *parts: str) -> str:
    """Refused through mstrack's error path (exit 2, SystemExit, the message), the file byte for byte as it was.
    `before`: sha(path) taken on a line BEFORE the command's (`kept(cli(...), path, sha(path))` hashes the file after
    the command ran, and compares it with itself)."""
    said = refused(result, *parts)
    assert isinstance(result.exception, SystemExit), result.exception
    assert sha(path) == before
    return said


def done(result) -> None:
    assert result.exit_code == 0 and result.exception is None, result.output


def run_apart(argv: list[str], timeout: float = 120) -> tuple[int | None, str, list[str]]:
    """`mstrack ARGV` run to its end in a Python of its own: its exit code, what it wrote to stdout, and every
    module then loaded (what a command imports at start: tests of a light start)."""
    code = ("import io, json, sys\nimport mstrack.cli\nsys.argv = ['mstrack', *json.loads(sys.argv[1])]\n"
            "out, sys.stdout = sys.stdout, io.StringIO()\ncode = 0\n"
            "try:\n    mstrack.cli.run(last=False)\nexcept SystemExit as exit:\n    code = exit.code\n"
            "written, sys.stdout = sys.stdout.getvalue(), out\n"
            "print(json.dumps([code, written, sorted(sys.modules)]))")
    done = subprocess.run([sys.executable, "-c", code, json.dumps(argv)], capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr
    exit_code, written, modules = json.loads(done.stdout.splitlines()[-1])
    return exit_code, written, modules


def write_plan(path: Path, body: str, code: str = "x-2023", extra: str = "") -> Path:
    """A small plan file: the programme header (with `extra` lines, a rule, under its year), then `body` (tasks and
    lines) as given."""
    header = f'format = 1\n[programme]\ncode = "{code}"\nname = "x"\nyear = 2023\n' + (f"{extra}\n" if extra else "")
    path.write_text(header + body, encoding="utf-8")
    return path


def plan_task(code: str, title: str, lead: str, indicator: str, unit: str, target: float, *, units: list[str] | None = None,
              deadline: str | None = None, comparator: str | None = None, milestones: list[tuple] = (),
              reports: list[tuple] = (), also: list[tuple[str, str, float]] = ()) -> dict:
    """One [[tasks]] of a plan file (for plan_tasks): one line led by `lead` (`units`: all the line's units), with one
    indicator; milestones as (due, target), reports as (as_of, value) or (as_of, value, note), dates as ISO text;
    `also`: more indicators of the line, as (name, unit, target)."""
    measure = {"name": indicator, "unit": unit} | ({"comparator": comparator} if comparator else {}) | {"target": target}
    if milestones:
        measure["milestones"] = [{"due": due, "target": value} for due, value in milestones]
    if reports:
        measure["reports"] = [{"as_of": as_of, "value": value} | ({"note": note[0]} if note else {})
                              for as_of, value, *note in reports]
    others = [{"name": name, "unit": unit_of, "target": value} for name, unit_of, value in also]
    line = {"lead_units": [lead]} | ({"units": units} if units else {}) | {"indicators": [measure, *others]}
    return {"code": code, "title": title} | ({"deadline": deadline} if deadline else {}) | {"lines": [line]}


def plan_tasks(*tasks: dict) -> str:
    """The tasks of a plan file as TOML (write_plan's body), each made by plan_task."""
    import tomli_w

    return tomli_w.dumps({"tasks": list(tasks)})


def schools_and_roads(*more: dict, classrooms: bool = True) -> str:
    """The plan the merged cells of a return are read against (test_safe37b, test_safe40c): task 1 新建学校3所 (学校,
    and 教室 where `classrooms`), task 2 新建道路5条 (道路), then `more` (plan_task)."""
    return plan_tasks(plan_task("1", "新建学校3所", "县教育局", "学校", "所", 3, also=[("教室", "间", 30)] if classrooms else ()),
                      plan_task("2", "新建道路5条", "县住建局", "道路", "条", 5), *more)


def converted_by_libreoffice(folder: Path, sources: list[Path], timeout: float) -> None:
    """Each of `sources` saved by LibreOffice as .xls and as .ods into `folder` (its own profile: another LibreOffice
    may be running). Skipped where LibreOffice is not installed; failed in CI, which installs it (.ci/run)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs LibreOffice (.ci/run): the .xls and .ods tests run there", pytrace=False)
        pytest.skip("LibreOffice is not installed (CI installs it)")
    profile = (folder / "profile").resolve().as_uri()
    for kind in ("xls", "ods"):
        subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", kind, "--outdir",
                        str(folder), *map(str, sources)], check=True, capture_output=True, timeout=timeout)


def reports_stored(cli) -> list[tuple[str, str, int]]:
    """Every stored report as (indicator, as of, value), by indicator name and day."""
    rows = cli.sql("select i.name, r.as_of, r.value from report r join indicator i on i.id = r.indicator_id "
                   "order by i.name, r.as_of")
    return [(name, str(day), value) for name, day, value in rows]  # a date on PostgreSQL


def write_table(path: Path, rows: str | list[list]) -> Path:
    """A small table for `import table`: text written as given, or rows of cells, as a workbook's sheet where PATH
    ends in .xlsx, tab-separated lines where it ends in .tsv, else by the csv module (a cell may hold a comma, a
    quote or a line break)."""
    if isinstance(rows, str):
        path.write_text(rows, encoding="utf-8")
    elif path.suffix == ".tsv":
        path.write_text("\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")
    elif path.suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    return path


def word_document(path: Path, title: str, rows: list[list[str]], paragraphs: list[str]) -> Path:
    """A .docx: its title, a table of ROWS, then PARAGRAPHS."""
    import docx

    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    for line in paragraphs:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_page(path: Path, paragraphs: list[str], title: str | None = None) -> Path:
    """A saved web page of paragraphs (no table), with a <title> where given."""
    head = "" if title is None else f"<head><title>{title}</title></head>"
    path.write_text(f"<html>{head}<body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>", encoding="utf-8")
    return path


def write_lines(path: Path, lines: list[str]) -> Path:
    """A document printed as lines of text, one paragraph a line (a .txt as the corpus's are)."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_blocks_page(path: Path, *blocks: str) -> Path:
    """A saved web page of BLOCKS: a "<tr>…" block is a table, any other a paragraph."""
    body = "".join(f'<table border="1">{b}</table>' if b.startswith("<tr>") else f"<p>{b}</p>" for b in blocks)
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>', encoding="utf-8")
    return path


def write_table_page(path: Path, rows: list[str], title: str | None = None) -> Path:
    """A saved web page holding one table, each row its cells' HTML; a title, where given, heads the page and stands
    in a paragraph above the table."""
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    head, above = ("", "") if title is None else (f"<title>{title}</title>", f"<p>{title}</p>")
    path.write_text(f'<html><head><meta charset="utf-8">{head}</head><body>{above}<table border="1">{body}</table></body></html>',
                    encoding="utf-8")
    return path


def targets_of(task) -> list[tuple[float, str]]:
    """A converted task's annual targets, (number, unit) sorted: what the reader tests compare."""
    return sorted((i.target, i.unit) for line in task.lines for i in line.indicators)


def convert_written(tmp_path: Path, name: str, rows: str | list[list], year: int = 2024, code: str | None = None):
    """The table written to tmp_path/NAME (write_table) and converted as `import table` converts it, for programme
    `code` (x-YEAR unless given)."""
    from mstrack.sources.table import convert_table

    return convert_table(write_table(tmp_path / name, rows), code or f"x-{year}", year)


def text_tasks(tmp_path: Path, lines: list[str], year: int = 2024):
    """The tasks of a document printed as lines of text (plan.txt), converted as `import table` converts it."""
    return convert_written(tmp_path, "plan.txt", "\n".join(lines) + "\n", year).programme.tasks


def read_as_best_effort(path: Path, refusal: str, year: int = 2024):
    """A document no layout reading takes: the layout readings refuse it, REFUSAL in their words (convert_sheets as a
    part of a document is read), and `import table` reads it only as a best effort (list_fallback), every task a
    doubt; the conversion."""
    import re

    from mstrack.errors import NoLayoutError
    from mstrack.sources.table import convert_table
    from mstrack.sources.table.convert import convert_sheets
    from mstrack.sources.table.reading import read_sheets

    with pytest.raises(NoLayoutError, match=re.escape(refusal)):
        convert_sheets(read_sheets(path, None, None), path=path, programme=f"x-{year}", year=year)
    conversion = convert_table(path, f"x-{year}", year)
    assert conversion.best_effort is not None
    said = [str(d) for d in conversion.doubts if "read without a recognised layout" in str(d)]
    assert sum(map(_rows_said, said)) == len(conversion.programme.tasks)  # every task a doubt, said alike once (fix49f)
    return conversion


def _rows_said(doubt: str) -> int:
    """How many rows a doubt names: "f.html: row 3: …" one, "f.txt: lines 3, 7, 10: …" three, "… rows 15, 17, 19 and
    7 more: …" ten."""
    import re

    where = re.sub(r"^table \d+, ", "", doubt.split(": ")[1])  # "table 2, rows 3, 4": one of a document's tables
    more = re.search(r" and (\d+) more", where)
    return len(re.findall(r"\d+", where.split(" and ")[0])) + (int(more[1]) if more else 0)


def convert_words(tmp_path: Path, words: str, year: int = 2023):
    """One task whose 工作内容 is WORDS (led by 县住建局, due at the year's end), converted for YEAR."""
    rows = f"序号,工作任务,工作内容,牵头单位,完成时限\n1,民生项目,{words},县住建局,{year}年12月底\n"
    return convert_written(tmp_path, "plan.csv", rows, year)


def year_columns_read(tmp_path: Path, first: str, second: str) -> tuple[list, str]:
    """Two tasks with a column for each of two years (FIRST, SECOND; 2024 the programme's year), converted: the
    programme year's figures are checked as their targets; returns the tasks and the other year's column."""
    rows = f"序号,项目名称,{first},{second},牵头单位\n1,改造老旧小区,20个,30个,县住建局\n2,新建公厕,5座,8座,县城管局\n"
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    this_year = 0 if first.startswith("2024") else 1
    assert [targets_of(t) for t in tasks] == [[((20, 30)[this_year], "个")], [((5, 8)[this_year], "座")]]
    return tasks, (second, first)[this_year]


def bare_year_figures_read(tmp_path: Path, first: str, second: str) -> None:
    """Bare figures under 2024's column (FIRST) and 2025's (SECOND) beside a 单位 column: 2024's the target,
    2025's a note under its column's name, no progress."""
    rows = f"序号,项目名称,单位,{first},{second},牵头单位\n1,改造老旧小区,个,20,30,县住建局\n"
    conversion = convert_written(tmp_path, "plan.csv", rows)
    task, = conversion.programme.tasks
    assert targets_of(task) == [(20, "个")]
    assert f"{second}：30" in task.note
    assert not conversion.reported


def conversion_messages(conversion) -> list[str]:
    """A conversion's summary lines and doubts, as text."""
    return [str(message) for message in conversion.summary + conversion.doubts]


def indicator_rows(plan) -> list[tuple[str, float, list]]:
    """(name, target, [(due, target) of each milestone]) of every indicator of a converted plan, in order."""
    return [(i.name, i.target, [(m.due, m.target) for m in i.milestones])
            for task in plan.tasks for line in task.lines for i in line.indicators]


EN = {"MSTRACK_LANG": "en"}


def import_table(source: Path, *options: str, out: Path | None = None, env: dict | None = EN, programme: str = "x-2024"):
    """`mstrack import table SOURCE -p PROGRAMME --year 2024 -o OUT OPTIONS` run in-process (messages in English
    unless `env` says otherwise): its result and the plan file, OUT (plan.toml beside SOURCE unless given)."""
    out = out or source.parent / "plan.toml"
    result = CliRunner(env=env).invoke(app, ["import", "table", str(source), "-p", programme, "--year", "2024", "-o", str(out),
                                             *options])
    return result, out


class Cli:
    """Runs mstrack in-process against one database (a file path or a URL), the way a user would type it.

    Messages come in English, as the tests quote them; a test that reads Chinese tables passes
    `--lang zh` first (the later --lang wins)."""

    def __init__(self, db: Path | str):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict | None = None):
        return self.runner.invoke(app, ["--db", str(self.db), "--lang", "en", *args], env=env, catch_exceptions=False)

    @property
    def url(self) -> str:
        return str(self.db) if "://" in str(self.db) else f"sqlite:///{self.db}"

    def sql(self, query: str) -> list[tuple]:
        """Look into the store directly, whatever its kind."""
        from sqlalchemy import create_engine, text
        from sqlalchemy.pool import NullPool

        engine = create_engine(self.url, poolclass=NullPool)
        try:
            with engine.connect() as connection:
                return [tuple(row) for row in connection.execute(text(query))]
        finally:
            engine.dispose()


@functools.cache
def _admin_engine():
    """One connection to the server's admin database for the whole run, not one made per statement: the PostgreSQL
    pass makes and drops a database per test, and a connection each time cost about as much CPU as the statement.
    Checked before each use (pool_pre_ping): a forked child's exit or the server may have closed it."""
    from sqlalchemy import create_engine

    return create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", pool_size=1, pool_pre_ping=True)


def _admin(sql: str) -> None:
    from sqlalchemy import text

    with _admin_engine().connect() as connection:
        connection.execute(text(sql))


def _pg_database(template: str | None = None) -> str:
    name = f"mstrack_test_{uuid.uuid4().hex[:12]}"
    if template:  # a template may have no other connection while it is copied
        _admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{template}'")
    _admin(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    return name


def _pg_url(name: str) -> str:
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def sheet_listings(monkeypatch) -> list[str]:
    """The names of the workbooks whose sheets are listed (sheets.worksheet_names, as the reader and the sheet chooser
    call it), in order: how often a workbook's sheet list is read."""
    import mstrack.sources.progress_sheets as progress_sheets
    import mstrack.sources.sheets as sheets

    listed: list[str] = []
    real = sheets.worksheet_names

    def listing(path):
        listed.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(sheets, "worksheet_names", listing)
    monkeypatch.setattr(progress_sheets, "worksheet_names", listing)
    return listed


def restore_failing_at_commit(monkeypatch, reason: str) -> None:
    """`db restore` made to fail at the step that commits, after the copy was kept and the restore confirmed (pages
    may have been replaced, so the copy stays: safe36b), with the store's own message and `reason` as the store's
    error ("disk I/O error", "database or disk is full")."""
    from mstrack.errors import InputError
    from mstrack.store import backups

    def failing_commit(self, source, keep=None, confirm=None):
        counts = self._counts_or_none()
        keep(counts)
        confirm(counts)
        raise InputError("--db {db}: nothing restored, whatever this command printed above: {reason}",
                         db=self.display_url, reason=reason)

    monkeypatch.setattr(backups.Backups, "_restore_from", failing_commit)


@pytest.fixture
def cli(tmp_path):
    if BACKEND == "sqlite":
        yield Cli(tmp_path / "t.db")
        return
    name = _pg_database()
    yield Cli(_pg_url(name))
    _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def _demo_db(tmp_path_factory):
    if BACKEND == "postgresql":
        name = _pg_database()
        result = Cli(_pg_url(name))("demo")
        assert result.exit_code == 0, result.output
        yield name
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        return
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = Cli(db)("demo")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as connection:  # WAL: fold the log into the file so a plain copy is whole
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield db


@pytest.fixture
def demo_cli(_demo_db, tmp_path):
    """A fresh copy of the demo database for each test."""
    if BACKEND == "postgresql":
        name = _pg_database(template=_demo_db)
        yield Cli(_pg_url(name))
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        return
    db = tmp_path / "demo.db"
    shutil.copy(_demo_db, db)
    yield Cli(db)


FIND_RE = re.compile(rf"(?<![\d.])(?P<number>\d+(?:,\d{{3}})*(?:\.\d+)?)\s*{SCALE}")


def find_quantities(text: str) -> list[int | float]:
    """Every number in a document's text, scaled by its 万/亿 ("累计 3 万套" gives [30000]): the seed tests'
    oracle for the numbers a seed must carry; mstrack itself reads numbers per cell (parse_quantity)."""
    found = []
    for match in FIND_RE.finditer(normalize(text)):
        number = Decimal(match["number"].replace(",", ""))
        if match["scale"]:
            number *= SCALES[match["scale"]]
        found.append(as_number(number))
    return found


def big_csv(cli: Cli, path: Path, rows: int) -> None:
    """`rows` reports of the demo's quantity indicators, day by day from 2023-01-01, values rising (in tenths where the
    unit keeps fractions, whole where it counts whole things: quantities.count_scale)."""
    from mstrack.domain.quantities import count_scale

    indicators = cli.sql(
        "select p.code, t.code, i.name, i.unit from indicator i join task_line l on i.line_id = l.id "
        "join task t on l.task_id = t.id join programme p on t.programme_id = p.id where i.kind = 'quantity' "
        "order by p.code, t.position, l.position, i.position")
    from datetime import date, timedelta

    with path.open("w", encoding="utf-8") as handle:
        handle.write("programme,task,indicator,as_of,value\n")
        written = 0
        for day in range(730):
            as_of = (date(2023, 1, 1) + timedelta(days=day)).isoformat()
            for programme, task, indicator, unit in indicators:
                handle.write(f"{programme},{task},{indicator},{as_of},{day // 10 if count_scale(unit) else day / 10}\n")
                written += 1
                if written == rows:
                    return
