"""`import progress` checks a CSV's chunk a column at a time (sources/progress_columns) and hands it to the store
whole when every row passes; any doubt, and the chunk goes through the row paths. Whichever path a chunk took,
an import must give what the per-row path alone gives: the same exit code, counts, warnings, errors (row and
column) and stored reports, on random chunks of good and bad cells (hypothesis)."""

import csv
import re
import shutil
import uuid
from contextlib import contextmanager
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mstrack.sources import progress, progress_columns

from .conftest import BACKEND, Cli, _admin, _pg_database, _pg_url
from .test_import_chunks import DAYS, HEADER, PLAIN, imported, stored, typed, write

OTHER = [  # (task, indicator, unit) of qingdao-2023, the demo's programme of the same year
    ("1", "城镇新增就业", "人"), ("3", "中小学幼儿园总开工率", "%"),
]
good_places = st.one_of(st.sampled_from(PLAIN).map(lambda place: ("dongguan-2023", *place)),
                        st.sampled_from(OTHER).map(lambda place: ("qingdao-2023", *place)))
odd_programmes = st.sampled_from(["", " dongguan-2023", "dongguan-2023 ", "nope-2023", "shenzhen-2023", "DONGGUAN-2023"])
odd_tasks = st.sampled_from(["", " 2", "99", "dongguan-2023/2", "1", "2.0", "５"])
odd_names = st.sampled_from(["", "建档", " 建档率", "建檔率", "没有这个指标", "进度安排"])
odd_days = st.sampled_from(["", " 2023-03-03", "2023/3/10", "3月10日", "2099-01-01", "2021-01-01", "2023-02-30",
                            "不是日期", "20230310", "2023-3-3", "-2023-03-03"])
odd_values = st.sampled_from(["", " 5 ", "1_0", "nan", "inf", "1e3", "已完成", "2.5万", "0.0016万", "150", "150%", "-3",
                              "007", "1.2.3", "80(滞后)", "12 个", "12个", "65%", "１２", "9999999999999999", "0x10",
                              "1234567890123456", "3.1234567890123", "全部完成", "约3"])
notes = st.sampled_from(["", "第1周 进展正常", "  前后有空格  ", "换行\n备注", "\t"])
odd_notes = st.sampled_from(["控制\x07字符", "x" * 5000, "删除\x7f", " \x0b "])
reporters = st.sampled_from(["", "张三（市卫健局）", "  李四 ", "   "])
odd_reporters = st.sampled_from(["空\x00字", "\x1b[31m"])


@st.composite
def rows(draw, n_min=1, n_max=40):
    """Rows over the demo's plain indicators, most of them plain, some with one odd cell, a few blank or short."""
    found = []
    others = draw(st.booleans())  # some files name two programmes
    for _ in range(draw(st.integers(n_min, n_max))):
        code, task, name, unit = draw(good_places) if others else ("dongguan-2023", *draw(st.sampled_from(PLAIN)))
        number = draw(st.one_of(st.integers(0, 120).map(str), st.decimals(0, 100, places=2).map(str)))
        value = draw(st.sampled_from([number, number, number + unit]))
        row = [code, task, name, draw(st.sampled_from(DAYS)), value, draw(notes), draw(reporters)]
        odd = draw(st.integers(0, 60))  # most rows plain: a chunk of 8 is all plain about a third of the time
        if odd < 7:
            row[odd] = draw([odd_programmes, odd_tasks, odd_names, odd_days, odd_values, odd_notes, odd_reporters][odd])
        elif odd == 7:
            row = row[:draw(st.integers(0, 6))]  # short, or blank
        found.append(row)
    return found


@contextmanager
def two_copies(template, tmp_path):
    """Two fresh copies of the demo database: one for each path."""
    if BACKEND == "postgresql":
        names = [_pg_database(template=template) for _ in range(2)]
        try:
            yield [Cli(_pg_url(name)) for name in names]
        finally:
            for name in names:
                _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        return
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    pair = []
    for name in ("columns.db", "rows.db"):
        shutil.copy(template, folder / name)
        pair.append(Cli(folder / name))
    yield pair


@contextmanager
def paths(columnar: bool, taken: list):
    """Chunks of 8 rows; the columnar path tried on every chunk (and its takes counted), or never."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(progress, "CHUNK_ROWS", 8)
        patch.setattr(progress, "COLUMNAR_ROWS", 1)
        if columnar:
            take = progress_columns.Columns.take

            def counted(self, index, first, raw):
                done = take(self, index, first, raw)
                taken.append(done)
                return done

            patch.setattr(progress_columns.Columns, "take", counted)
        else:  # the reference: every row through the per-row path, which names every problem
            def read_chunk(self, table, lines, rows):
                for line, cells in zip(lines, rows, strict=True):
                    self._read_row(table, line, cells)

            patch.setattr(progress_columns.Columns, "take", lambda self, index, first, raw: False)
            patch.setattr(progress._Importer, "_read_chunk", read_chunk)
        yield


# On PostgreSQL fewer examples: each costs two databases made from the demo's and dropped; the paths' reading is the
# same code on either store (the SQLite pass runs forty), and the pass checks that the server stores what they read.
@settings(max_examples=40 if BACKEND == "sqlite" else 8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(first=rows(), second=rows(), dry=st.booleans(), bare=st.booleans())
def test_random_chunks_give_what_the_per_row_path_gives(_demo_db, tmp_path, first, second, dry, bare):
    """Two imports in a row (the second meets what the first stored: corrections, repeats, falls); `bare`: the
    files have no programme column, --programme names it."""
    def bare_file(body):
        def write_bare(path):
            with path.open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle).writerows([["任务编号", "指标", "截至日期", "完成值", "备注", "填报人"],
                                              *(row[1:] for row in body)])
        return write_bare

    imports = [(f"周报{number}.csv", bare_file(body) if bare else lambda path, body=body: write(path, body),
                [*(["--dry-run"] if dry and number else []), *(["--programme=dongguan-2023"] if bare else [])])
               for number, body in enumerate((first, second))]
    outcomes = both_paths(_demo_db, tmp_path, imports)
    assert outcomes[0] == outcomes[1]


def both_paths(template, tmp_path, imports: list[tuple]) -> list[list]:
    """Imports in a row through the columnar path and through the per-row path alone, each on a copy of the demo:
    `imports` (file name, a function that writes it, options) each; for each path, every import's (exit code,
    result) and then every stored report."""
    with two_copies(template, tmp_path) as (columns, reference):
        outcomes = []
        for cli, columnar in ((columns, True), (reference, False)):
            outcome = []
            with paths(columnar, []):
                for name, write_file, options in imports:
                    path = tmp_path / name
                    write_file(path)
                    outcome.append(imported(cli, path, *options))
            outcome.append(cli.sql("select indicator_id, as_of, value, note, reporter, source, batch_id from report order by id"))
            outcomes.append(_batches_in_order(outcome))
    return outcomes


def _batches_in_order(outcome: list) -> list:
    """The outcome with each batch number replaced by its place among the batches it names (1, 2 …). A PostgreSQL
    sequence does not go back when an import is rolled back, so a path that numbered a batch before refusing a later
    chunk leaves a gap the other path does not; what both paths must agree on is which rows went into which batch."""
    order: dict[int, int] = {}

    def place(batch):
        return batch if batch is None else order.setdefault(batch, len(order) + 1)

    *results, rows = outcome
    results = [(code, {**result, "batch": place(result.get("batch"))} if "batch" in result else result)
               for code, result in results]
    return [*results, [(*row[:-1], place(row[-1])) for row in rows]]


def test_a_chunk_with_a_doubt_leaves_the_columns_and_gives_what_the_rows_give(_demo_db, tmp_path):
    """A clean chunk is taken whole, the next (one value "1_0", which float() reads as 10) goes through the row
    paths, which refuse it with its row and column: both paths give the same outcome and store the same."""
    body = [["dongguan-2023", task, name, day, str(10 + week), "", ""] for week, day in enumerate(DAYS)
            for task, name, _ in PLAIN][:16]
    body[11][4] = "1_0"
    path = tmp_path / "周报.csv"
    write(path, body)
    taken, outcomes = each_path(_demo_db, tmp_path, path)
    assert taken[:2] == [True, False], taken
    (code, result), written = outcomes[0]
    assert code == 2 and len(result["errors"]) == 1 and f"{path}:13:完成值" in result["errors"][0], result
    assert written == stored_before(_demo_db, tmp_path)
    assert outcomes[0] == outcomes[1]


def each_path(template, tmp_path, path) -> tuple[list[bool], list[tuple]]:
    """The file imported through the columnar path and through the per-row path alone, each on a copy of the demo:
    what the columnar path said of each chunk, and each path's ((exit code, result), stored reports)."""
    outcomes, taken = [], []
    with two_copies(template, tmp_path) as (columns, reference):
        for cli, columnar in ((columns, True), (reference, False)):
            with paths(columnar, taken if columnar else []):
                outcomes.append((imported(cli, path), stored(cli)))
    return taken, outcomes


def stored_before(template, tmp_path) -> list:
    """The demo's reports as they are before any import: a refused file must leave them so."""
    with two_copies(template, tmp_path) as (fresh, _):
        return stored(fresh)


def taken_whole(template, tmp_path, path, *options) -> tuple[tuple, tuple]:
    """The file imported through the columnar path, which must take every chunk, and through the per-row path
    alone, on two copies of the demo: ((exit code, result), stored reports) of each."""
    taken = []
    with two_copies(template, tmp_path) as (columns, reference):
        with paths(True, taken):
            mine = imported(columns, path, *options), stored(columns)
        with paths(False, []):
            theirs = imported(reference, path, *options), stored(reference)
    assert taken and all(taken), taken
    return mine, theirs


def test_a_clean_file_goes_through_the_columns_whole(_demo_db, tmp_path):
    """Every chunk of a plain file is taken by the columnar path; the reports are those the per-row path writes."""
    body = [["dongguan-2023", task, name, day, f"{10 + week * 3}{unit if week % 2 else ''}", f"第{week}周" if week % 3 else "",
             " 张三 " if week % 2 else ""] for week, day in enumerate(DAYS) for task, name, unit in PLAIN]
    # from 2: a 1 on a % line may be Excel's 100% (the per-row path checks it: fixprog55 F7)
    body += [["qingdao-2023", task, name, day, str(week + 2), "", "李四"] for week, day in enumerate(DAYS) for task, name, _ in OTHER]
    body.sort(key=lambda row: row[3])  # two programmes in each chunk
    path = tmp_path / "周报.csv"
    write(path, body)
    mine, theirs = taken_whole(_demo_db, tmp_path, path, "--by", "王五")
    (code, result), written = mine
    assert code == 0 and result["inserted"] == len(body) and result["errors"] == [], result
    assert len(written) == len(body)
    assert {reporter for _, _, _, _, reporter, _ in written} == {"张三", "王五", "李四"}
    assert {note for _, _, _, note, _, _ in written} == {None, *(f"第{week}周" for week in range(len(DAYS)) if week % 3)}
    assert mine == theirs


@pytest.mark.parametrize("columnar", [True, False])
def test_a_value_with_a_line_break_is_named_not_a_traceback(demo_cli, tmp_path, columnar):
    """"1\\n2" passed the one-match check of a column of plain numbers line by line (two lines, each a number),
    then float() refused it: a ValueError traceback. It is the per-row path's to name."""
    path = tmp_path / "周报.csv"
    write(path, [["dongguan-2023", "2", "发热门诊（诊室）", "2023-03-03", "1\n2", "", ""],
                 ["dongguan-2023", "5", "建档率", "2023-03-03", "12", "", ""]])
    with paths(columnar, []):
        code, result = imported(demo_cli, path)
    assert code == 2 and len(result["errors"]) == 1 and f"{path}:2:完成值" in result["errors"][0], result
    assert demo_cli.sql("select count(*) from report where as_of = '2023-03-03'") == [(0,)]


def test_a_file_without_a_programme_column_takes_the_programme_option(_demo_db, tmp_path):
    body = [[task, name, day, str(10 + week)] for week, day in enumerate(DAYS) for task, name, _ in PLAIN]
    path = tmp_path / "周报.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["任务编号", "指标", "截至日期", "完成值"], *body])
    mine, theirs = taken_whole(_demo_db, tmp_path, path, "--programme", "dongguan-2023")
    assert mine[0][0] == 0 and mine[0][1]["inserted"] == len(body) == len(mine[1]), mine[0]
    assert mine == theirs


# --- an .xlsx's typed cells (sheets.SheetRows.chunk) --------------------------------------------------------------

PERCENT = object()  # a cell written as a fraction in a percent style ("65.5%" typed is 0.655)
odd_typed = [  # per column (FIELDS order), cells of kinds the per-row path reads its own way
    st.sampled_from([5, "#N/A", True]),
    st.sampled_from([5.5, True, date(2023, 3, 3), "=1+1", "#REF!", 12]),
    st.sampled_from([5, "#N/A", "=A1", date(2023, 3, 3)]),
    st.sampled_from([45000, datetime(2023, 3, 10, 15, 30), "=TODAY()", "#N/A", 20230310, True]),
    st.sampled_from([1e-05, 0.1 + 0.2, 10**20, "#DIV/0!", "=1+1", True, date(2023, 3, 3), (PERCENT, 0.5), 1e16,
                     12.0, -3]),
    st.sampled_from([5, date(2023, 3, 3), "#N/A", "=A1", 0.5]),
    st.sampled_from([7, "#REF!", "=B2", date(2023, 3, 3)]),
]


@st.composite
def typed_rows(draw):
    """rows(), as Excel or WPS would hold them: most numbers, dates and task numbers typed, percentages in a
    percent style, blank cells empty; some with a cell of another kind, an error value or an unsaved formula."""
    found = []
    for row in draw(rows()):
        cells = [draw(st.sampled_from([cell, typed_cell(at, cell), typed_cell(at, cell)])) for at, cell in enumerate(row)]
        odd = draw(st.integers(0, 120))  # most rows keep their kinds: a chunk of 8 is taken whole now and then
        if odd < len(cells):
            cells[odd] = draw(odd_typed[odd])
        found.append(cells)
    return found


def typed_cell(at: int, cell: str):
    """A text cell as a spreadsheet holds it when typed: a number, a date, a percentage in a percent style, or a
    blank cell empty."""
    if not cell:
        return None
    if at == 4 and re.fullmatch(r"\d{1,15}(\.\d{1,12})?%", cell):
        return PERCENT, float(cell[:-1]) / 100
    try:
        return typed(cell)
    except ValueError:  # "2023-02-30" stays text
        return cell


def write_typed(path, body) -> None:
    """A real .xlsx of typed cells (openpyxl): characters XML cannot carry written as OOXML escapes (_x0007_),
    which the reader turns back into them."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for number, row in enumerate(body, start=2):
        for column, cell in enumerate(row, start=1):
            if isinstance(cell, str):
                cell = ILLEGAL_CHARACTERS_RE.sub(lambda match: f"_x{ord(match[0]):04X}_", cell)
            if isinstance(cell, tuple):
                sheet.cell(number, column, cell[1]).number_format = "0.0%"
            elif cell is not None:
                sheet.cell(number, column, cell)
    book.save(path)


@settings(max_examples=25 if BACKEND == "sqlite" else 5, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(first=typed_rows(), second=typed_rows(), dry=st.booleans())
def test_random_xlsx_chunks_give_what_the_per_row_path_gives(_demo_db, tmp_path, first, second, dry):
    """The same comparison over real .xlsx files of typed cells: exit codes, counts, warnings, errors (row and
    column) and stored reports."""
    outcomes = both_paths(_demo_db, tmp_path, [(f"周报{number}.xlsx", lambda path, body=body: write_typed(path, body),
                                                 ["--dry-run"] if dry and number else []) for number, body in enumerate((first, second))])
    assert outcomes[0] == outcomes[1]


def test_an_xlsx_of_typed_cells_goes_through_the_columns_whole(_demo_db, tmp_path):
    """Typed task numbers, dates, numbers and percentages (a percent style), blank notes and reporters: every chunk
    is taken by the columnar path, and the reports are those the per-row path writes."""
    body = [["dongguan-2023", int(task), name, date.fromisoformat(day),
             (PERCENT, (10 + week) / 100) if unit == "%" and week % 2 else 10 + week * 3 if week % 3
             else 10.5 + week if unit in ("%", "元") else 10 + week,  # a fraction where the unit keeps one
             f"第{week}周" if week % 3 else None, "张三" if week % 2 else None]
            for week, day in enumerate(DAYS) for task, name, unit in PLAIN]
    path = tmp_path / "周报.xlsx"
    write_typed(path, body)
    mine, theirs = taken_whole(_demo_db, tmp_path, path, "--by", "王五")
    (code, result), written = mine
    assert code == 0 and result["inserted"] == len(body) and result["errors"] == [], result
    assert {reporter for _, _, _, _, reporter, _ in written} == {"张三", "王五"}
    assert {value for _, _, value, _, _, _ in written} >= {11.0, 10.5}  # a percentage as typed, a fraction of a number
    assert mine == theirs


@pytest.mark.parametrize("odd", ["#DIV/0!", "=1+1"])
def test_an_xlsx_chunk_with_an_error_value_or_a_formula_goes_row_by_row(_demo_db, tmp_path, odd):
    """A row holding an error value or a formula saved without its value (here in the note, a column the columnar
    path would otherwise store as text) sends its chunk to the per-row path; the rest are taken whole."""
    body = [["dongguan-2023", task, name, date.fromisoformat(day), 10 + week, "", ""]
            for week, day in enumerate(DAYS) for task, name, _ in PLAIN][:24]
    body[12][5] = odd
    path = tmp_path / "周报.xlsx"
    write_typed(path, body)
    taken, outcomes = each_path(_demo_db, tmp_path, path)
    assert taken == [True, False, True], taken
    assert outcomes[0] == outcomes[1]
    (code, result), _ = outcomes[0]
    if odd.startswith("="):
        assert code == 2 and f"{path}:14:备注" in result["errors"][0], result
    else:
        assert code == 0 and result["inserted"] == len(body), result
def test_a_chunk_reads_the_indicators_of_the_tasks_it_names(_demo_db, tmp_path, monkeypatch):
    """A small file into a large plan reads (and builds) only the indicators of the tasks it names, a chunk at a
    time; a chunk naming half the plan's tasks or more reads the plan whole. Either way the reports stored are
    those of the per-row path alone."""
    from mstrack.store import Store

    asked = []
    read = Store.import_indicators

    def recorded(self, code, tasks=None):
        asked.append((code, None if tasks is None else sorted(tasks)))
        return read(self, code, tasks)

    monkeypatch.setattr(Store, "import_indicators", recorded)
    few = [["dongguan-2023", task, name, day, str(10 + week), "", ""] for week, day in enumerate(DAYS[:4])
           for task, name, _ in PLAIN[:2]]  # 8 rows: one chunk, two of the plan's tasks
    path = tmp_path / "周报.csv"
    write(path, few)
    mine, theirs = taken_whole(_demo_db, tmp_path, path)
    assert mine[0][0] == 0 and mine[0][1]["inserted"] == len(few), mine[0]
    assert mine == theirs
    assert asked[0] == ("dongguan-2023", ["2", "5"]), asked  # the columnar import's one read: its chunk's tasks
    assert ("dongguan-2023", None) in asked[1:], asked  # the per-row path alone reads the plan whole
    code_tasks = _demo_tasks(_demo_db, tmp_path)
    asked.clear()
    many = [["dongguan-2023", task, "没有这个指标", DAYS[0], "1", "", ""] for task in code_tasks[:(len(code_tasks) + 1) // 2]]
    write(path, many)
    with two_copies(_demo_db, tmp_path) as (cli, _), paths(True, []), pytest.MonkeyPatch.context() as patch:
        patch.setattr(progress, "CHUNK_ROWS", max(8, len(many)))  # one chunk
        code, result = imported(cli, path)
    assert code == 2 and asked == [("dongguan-2023", None)], asked  # half the plan named: one read of it whole


def test_a_plan_read_whole_is_read_once_and_plain_rows_make_no_objects(_demo_db, tmp_path, monkeypatch):
    """A chunk naming half the plan's tasks reads the plan whole, once; a later chunk's tasks come from the tuples
    held, with no read. The columnar path keeps an indicator as its id and the store's tuple: rows one a day in day
    order, rising, into indicators with nothing stored make no ImportIndicator (settle's loop makes one only for an
    indicator it looks at, its terms read then), and store what the per-row path stores."""
    from mstrack.sources import progress_rows
    from mstrack.sources.progress_rows import PlanReads
    from mstrack.store import Store, resolve_db_url

    asked = []
    read = Store.import_indicators

    def recorded(self, code, tasks=None):
        asked.append((code, tasks))
        return read(self, code, tasks)

    monkeypatch.setattr(Store, "import_indicators", recorded)
    code_tasks = _demo_tasks(_demo_db, tmp_path)
    half, rest = code_tasks[:(len(code_tasks) + 1) // 2], code_tasks[(len(code_tasks) + 1) // 2:]
    assert rest
    with two_copies(_demo_db, tmp_path) as (cli, _):
        plan = PlanReads(Store(resolve_db_url(str(cli.db))))
        assert plan.programme_year("dongguan-2023") == 2023
        first = plan.task_rows("dongguan-2023", half[::-1])
        assert asked == [("dongguan-2023", None)] and set(half) <= set(first), asked
        later = plan.task_rows("dongguan-2023", [*rest, "没有这个任务"])
        assert asked == [("dongguan-2023", None)] and later is first and "没有这个任务" not in later, asked

    made = []
    init = progress_rows.ImportIndicator.__init__

    def counted(self, programme, row, terms):
        made.append((programme, row[0], row[2]))
        init(self, programme, row, terms)

    termed = []
    read_terms = Store.import_terms

    def terms_recorded(self, ids):
        termed.append(list(ids))
        return read_terms(self, ids)

    monkeypatch.setattr(progress_rows.ImportIndicator, "__init__", counted)
    monkeypatch.setattr(Store, "import_terms", terms_recorded)
    rising = [["dongguan-2023", task, name, day, str(10 + week), "", ""] for week, day in enumerate(DAYS[:2])
              for task, name, _ in PLAIN[:4]]
    falling = [["dongguan-2023", PLAIN[4][0], PLAIN[4][1], day, value, "", ""] for day, value in zip(DAYS[:2], "95", strict=True)]
    path = tmp_path / "周报.csv"
    write(path, rising + falling)
    taken = []
    with two_copies(_demo_db, tmp_path) as (cli, _), paths(True, taken):
        code, result = imported(cli, path)
    assert taken == [True, True] and code == 0 and result["inserted"] == len(rising) + 2, (taken, result)
    assert [warning.split(": ")[0] for warning in result["warnings"]] == [f"{path}:{len(rising) + 3}"], result
    assert made == [("dongguan-2023", PLAIN[4][0], PLAIN[4][1])], made  # the falling indicator's, for its warning
    # the terms (comparator, target, dues) of each indicator once, one read a chunk for those it meets first: their
    # targets, which a value far above goes the per-row path for its warning (views50); the falling one's object reads none
    terms_read = [indicator for ids in termed for indicator in ids]
    assert len(termed) == 2 and len(terms_read) == len(set(terms_read)) == 5, termed
    mine, theirs = taken_whole(_demo_db, tmp_path, path)
    assert mine == theirs and mine[0][1] == result


def test_the_per_row_path_reads_its_programmes_terms_once(_demo_db, tmp_path, monkeypatch):
    """The per-row path's objects need what the columnar checks do not read (comparator, target, dues): read once for
    the programme it reads, when it makes its first object, not once a task; a text-only line's dues among them."""
    from mstrack.store import Store, resolve_db_url

    termed = []
    read_terms = Store.import_terms

    def terms_recorded(self, ids):
        termed.append(list(ids))
        return read_terms(self, ids)

    monkeypatch.setattr(Store, "import_terms", terms_recorded)
    path = tmp_path / "周报.csv"
    write(path, [["dongguan-2023", task, name, DAYS[0], "5", "", ""] for task, name, _ in PLAIN])
    with two_copies(_demo_db, tmp_path) as (cli, _):
        code, result = imported(cli, path)
        by_task = Store(resolve_db_url(str(cli.db))).import_indicators("dongguan-2023")[1]
    assert code == 0 and result["inserted"] == len(PLAIN), result
    assert len(termed) == 1 and sorted(termed[0]) == sorted(row[1] for rows in by_task.values() for row in rows), termed
    assert len(termed[0]) > len(PLAIN)


def _demo_tasks(template, tmp_path) -> list[str]:
    with two_copies(template, tmp_path) as (cli, _):
        return [code for (code,) in cli.sql("select t.code from task t join programme p on t.programme_id = p.id"
                                             " where p.code = 'dongguan-2023' order by t.position")]
