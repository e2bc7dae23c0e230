"""Crafted and absurd input (issue 14, items 10, 11, 12, 13, 15, 18, 19): each is refused with a message
naming the file, row and column or the option, exit code 2, and nothing written; or, where nothing in
it is wrong but its claims (a <dimension>, a merge), read for what it holds.

The fixtures are in tests/data/ (README.md there lists them; make_hostile.py makes them). The broken
but innocent files of tests/corpus/ are tested in test_hostile.py."""

import os
import subprocess
from pathlib import Path

import pytest

from mstrack.domain.limits import MAX_TEXT_CHARS
from mstrack.errors import InputError
from mstrack.sources.plan import load_plan
from mstrack.sources.table import convert_table

from .conftest import ROOT, write_plan
from .test_end_to_end import mstrack_executable

DATA = ROOT / "tests" / "data"
REPORTS = "select count(*) from report"
CONTROL = "only tab and line breaks are allowed"


def reports(cli) -> int:
    return cli.sql(REPORTS)[0][0]


def mstrack(cli, *args: str) -> subprocess.CompletedProcess:
    """The installed executable in a child process: before the fix calamine aborted the whole process
    (exit 134), which would take pytest with it."""
    env = {key: value for key, value in os.environ.items() if key != "MSTRACK_DB"}
    return subprocess.run([mstrack_executable(), "--db", str(cli.db), "--lang", "en", *args], capture_output=True, text=True,
                          env=env, timeout=120)


# --- item 10: spreadsheets that claim more than they hold ----------------------------------------

REFUSED_SHEETS = [
    ("huge-cell.xlsx", "reaches row 1048576 and column XFD"),
    ("cell-below-its-row.xlsx", "reaches row 1048576 and column XFD"),  # the cell's own reference counts, not its row's
    ("unreferenced-cells.xlsx", "reaches row 1048576 and column AD"),  # 30 cells without r="…" are 30 columns
]


@pytest.mark.parametrize(("name", "words"), REFUSED_SHEETS)
def test_import_progress_refuses_a_sheet_reaching_beyond_the_limit(demo_cli, name, words):
    before = reports(demo_cli)
    done = mstrack(demo_cli, "import", "progress", str(DATA / name))
    assert done.returncode == 2, done.stderr
    assert f"{DATA / name}: sheet 'Sheet1' {words}" in done.stderr
    assert "more than mstrack reads in one sheet (27,262,976)" in done.stderr
    assert reports(demo_cli) == before


@pytest.mark.parametrize(("name", "words"), REFUSED_SHEETS)
def test_import_table_refuses_a_sheet_reaching_beyond_the_limit(cli, tmp_path, name, words):
    output = tmp_path / "plan.toml"
    done = mstrack(cli, "import", "table", str(DATA / name), "-p", "x-2023", "--year", "2023", "-o", str(output))
    assert done.returncode == 2, done.stderr
    assert words in done.stderr
    assert not output.exists()


@pytest.mark.parametrize("name", ["huge-dimension.xlsx", "huge-merge.xlsx"])
def test_a_claimed_dimension_or_merge_is_read_for_what_the_sheet_holds(demo_cli, tmp_path, name):
    """<dimension ref="A1:XFD1048576"> is not trusted; a merge A3:XFD1048576 is cut to the cells there are."""
    before = reports(demo_cli)
    done = mstrack(demo_cli, "import", "progress", str(DATA / name))
    assert done.returncode == 0, done.stderr
    assert "1 new" in done.stdout
    assert reports(demo_cli) == before + 1
    assert demo_cli.sql("select value, note from report order by id desc limit 1") == [(25000, "区报数")]
    converted = convert_table(DATA / name, "x-2023", 2023, sheet="Sheet2")  # the second sheet holds the table
    assert [(task.code, task.title) for task in converted.programme.tasks] == [("1", "新建公办幼儿园3所")]


def test_other_zip_files_are_not_handed_to_calamine(tmp_path):
    zipped = tmp_path / "table.zip"
    zipped.write_bytes((DATA / "huge-merge.xlsx").read_bytes())
    with pytest.raises(InputError, match=r"table\.zip: unknown file type \.zip"):
        convert_table(zipped, "x-2023", 2023)
    ods = tmp_path / "table.ods"  # a workbook of another kind than its name says: read as what its parts say (safe53)
    ods.write_bytes((DATA / "huge-merge.xlsx").read_bytes())
    converted = convert_table(ods, "x-2023", 2023)
    assert "its content is an Excel workbook (.xlsx), not the .ods its name says" in str(converted.summary[0])
    assert converted.programme.tasks


# --- items 12 and 18: control characters and NUL -------------------------------------------------


@pytest.mark.parametrize("name", ["controls.csv", "controls.xlsx"])
def test_control_characters_in_imported_cells_are_refused_by_row_and_column(demo_cli, name):
    before = reports(demo_cli)
    result = demo_cli("import", "progress", str(DATA / name))
    assert result.exit_code == 2
    place = str(DATA / name)
    if name.endswith(".csv"):
        assert f"{place}:2:备注: control character U+001B (ESC) at character 1; {CONTROL}" in result.stderr
        assert f"{place}:3:填报人: control character U+0007 (BEL) at character 2; {CONTROL}" in result.stderr
    else:  # _x001B_ and _x0000_ in the XML are ESC and NUL to calamine
        assert f"{place}:2:备注: control character U+001B (ESC) at character 1; {CONTROL}" in result.stderr
        assert f"{place}:3:备注: control character U+0000 (NUL) at character 2; {CONTROL}" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert reports(demo_cli) == before


def test_a_nul_deep_in_a_csv_is_named_by_row_and_column(demo_cli, tmp_path):
    """A NUL in the first 64 KB makes the file binary; further down it reached the store (SQLite kept it,
    PostgreSQL refused it with no place)."""
    path = tmp_path / "late-nul.csv"
    filler = "".join(f"shenzhen-2023,5,建设,2023-06-{day:02d},2.{day}万,{'备注' * 40}\n" for day in range(1, 29)) * 20
    path.write_text("计划,任务编号,指标,截至日期,数值,备注\n" + filler + "shenzhen-2023,5,建设,2023-06-29,2.9万,a\x00b\n",
                    encoding="utf-8")
    assert path.stat().st_size > 65536
    before = reports(demo_cli)
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 2
    assert f"{path}:562:备注: control character U+0000 (NUL) at character 2" in result.stderr
    assert reports(demo_cli) == before


def test_a_programme_cell_with_a_nul_is_refused_before_the_database_sees_it(demo_cli, tmp_path):
    path = tmp_path / "nul-programme.csv"
    path.write_text("计划,任务编号,指标,截至日期,数值\n" + "x" * 70000 + "\n" + "shen\x00zhen-2023,5,建设,2023-06-30,1\n", encoding="utf-8")
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 2
    assert f"{path}:3:计划: control character U+0000 (NUL)" in result.stderr


@pytest.mark.parametrize(("args", "named"), [
    (("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30", "--note", "\x1b[31m红"), "--note '\\x1b[31m红'"),
    (("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30", "--note=a\x00b"), "--note 'a\\x00b'"),
    (("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30", "--by", "张\x07三"), "--by '张\\x07三'"),
    (("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30", "--reason", "\x9b2J"), "--reason '\\x9b2J'"),
    (("show", "shenzhen-2023/5\x00"), "argument 'shenzhen-2023/5\\x00'"),
    (("undo", "--reason", "x\x7f"), "--reason 'x\\x7f'"),
    (("status", "--unit", "\x1b]0;title\x07"), "--unit '\\x1b]0;title\\x07'"),
])
def test_control_characters_in_any_option_or_argument_are_refused_by_name(demo_cli, args, named):
    before = demo_cli.sql("select count(*) from batch")
    result = demo_cli(*args)
    assert result.exit_code == 2, result.output
    assert f"mstrack: error: {named}: control character" in result.stderr
    assert demo_cli.sql("select count(*) from batch") == before


def test_bytes_that_are_not_utf8_in_an_argument_are_refused_by_name(demo_cli):
    """A shell or script in another encoding (GBK) passes bytes Python keeps as lone surrogates; such a --note
    reached the store and ended in a UnicodeEncodeError traceback, exit 1."""
    before = demo_cli.sql("select count(*) from batch")
    gbk = "说明".encode("gbk")
    result = subprocess.run([mstrack_executable(), "--db", str(demo_cli.db), "--lang", "en", "log", "shenzhen-2023/5", "2.5万",
                             "-i", "建设", "--as-of", "2023-06-30", "--note", b"a" + gbk], capture_output=True)
    assert result.returncode == 2, result.stderr
    stderr = result.stderr.decode("utf-8", "backslashreplace")
    assert stderr.startswith("mstrack: error: --note ") and stderr.endswith(
        ": not UTF-8 text at character 3; give the text in UTF-8\n"), stderr  # 说明 in GBK: its first two bytes are UTF-8 (˵)
    assert demo_cli.sql("select count(*) from batch") == before
    result = demo_cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30", "--note", "a\udcffb")
    assert result.exit_code == 2 and result.stderr == (
        "mstrack: error: --note 'a\\udcffb': not UTF-8 text at character 2; give the text in UTF-8\n")


def test_tabs_and_line_breaks_in_a_note_are_kept(demo_cli):
    result = demo_cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30", "--note", "一\t二\r\n三")
    assert result.exit_code == 0, result.output
    assert demo_cli.sql("select note from report order by id desc limit 1") == [("一\t二\r\n三",)]


# --- item 15: lengths and sizes ---------------------------------------------------------------------


def test_a_note_longer_than_the_limit_is_refused(demo_cli, tmp_path):
    long_note = "记" * (MAX_TEXT_CHARS + 1)
    result = demo_cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30", "--note", long_note)
    assert result.exit_code == 2
    assert "--note '记记记" in result.stderr and f"{MAX_TEXT_CHARS + 1} characters is more than mstrack keeps in one text " \
        f"({MAX_TEXT_CHARS})" in result.stderr
    assert len(result.stderr) < 400
    path = tmp_path / "long.csv"
    path.write_text(f"计划,任务编号,指标,截至日期,数值,备注\nshenzhen-2023,5,建设,2023-06-30,2.5万,{long_note}\n", encoding="utf-8")
    before = reports(demo_cli)
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 2
    assert f"{path}:2:备注: {MAX_TEXT_CHARS + 1} characters is more than" in result.stderr
    assert reports(demo_cli) == before
    assert demo_cli("log", "shenzhen-2023/5", "2.5万", "-i", "建设", "--as-of", "2023-06-30",
                    "--note", "记" * MAX_TEXT_CHARS).exit_code == 0


def test_plan_text_fields_have_the_same_limit(tmp_path):
    path = write_plan(tmp_path / "long.toml", f'note = "{"长" * (MAX_TEXT_CHARS + 1)}"\n')
    with pytest.raises(InputError, match=r"long\.toml: programme\.note: 20001 characters is more than mstrack keeps"):
        load_plan(path)


@pytest.mark.parametrize(("command", "limit"), [("plan", 20), ("table", 200)])
def test_every_reader_refuses_an_oversized_file_before_reading_it(cli, tmp_path, command, limit):
    path = tmp_path / ("big.toml" if command == "plan" else "big.csv")
    with path.open("wb") as handle:  # sparse: nothing is written to disk
        handle.truncate((limit + 1) * 1024 * 1024)
    args = ("import", "plan", str(path)) if command == "plan" else (
        "import", "table", str(path), "-p", "x-2023", "--year", "2023", "-o", str(tmp_path / "out.toml"))
    result = cli(*args)
    assert result.exit_code == 2
    assert f"{path}: {limit + 1} MB is more than mstrack reads in one file ({limit} MB); split it" in result.stderr
    assert not (tmp_path / "out.toml").exists()


# --- item 13: plans that exhaust the parser ----------------------------------------------------------


@pytest.mark.parametrize(("name", "words"), [
    ("deep.toml", "not valid TOML: nested more than 20 levels deep"),  # RecursionError in tomllib
    ("deep-keys.toml", "not valid TOML: nested more than 20 levels deep"),  # parses, but no repr() survives it
    ("huge-integer.toml", "not valid TOML: an integer of more than 4300 digits"),  # ValueError in tomllib
])
def test_a_plan_that_exhausts_the_parser_is_a_plan_error(cli, name, words):
    cli("init")
    result = cli("import", "plan", str(DATA / name))
    assert result.exit_code == 2
    assert result.stderr == f"mstrack: error: {DATA / name}: {words}\n"
    assert cli.sql("select count(*) from programme") == [(0,)]


def test_a_plan_names_every_hostile_value_by_its_key(cli):
    cli("init")
    path = DATA / "plan-hostile-values.toml"
    result = cli("import", "plan", str(path))
    assert result.exit_code == 2
    indicator = "tasks[0] (task 1).lines[0].indicators[0]"
    for expected in (
        f"tasks[0] (task 1).title: control character U+001B (ESC) at character 3; {CONTROL}",
        f"tasks[0] (task 1).note: control character U+0000 (NUL) at character 2; {CONTROL}",
        f"{indicator}.target: beyond what mstrack stores: at most 1,000,000,000,000,000 (1000万亿) either side of zero",
        f"{indicator}.milestones[0].due: '-2023-06-30' is not a date: a date has no sign",
        f"{indicator}.milestones[1].due: year 1 is outside 1900–2200",
    ):
        assert f"{path}: {expected}" in result.stderr
    assert cli.sql("select count(*) from programme") == [(0,)]


def test_a_task_number_with_a_nul_is_refused(tmp_path):
    path = write_plan(tmp_path / "code.toml", '[[tasks]]\ncode = "1\\u0000"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲局"]\n')
    with pytest.raises(InputError, match=r"code\.toml: tasks\[0\]\.code: control character U\+0000 \(NUL\)"):
        load_plan(path)


def test_a_plan_text_that_is_not_utf8_is_named_by_its_key():
    """A plan's texts are checked together, after the walk; one that fails sends the walk again, text by text,
    so that each is named at its key, with the plan's other problems in their order. A lone surrogate (what a
    converted table's undecodable bytes become) passes the checks of control characters: it must still be found."""
    from mstrack.sources.plan import plan_from_dict

    plan = {"programme": {"code": "x-2023", "name": "x\udcb0x", "year": 2023}, "tasks": [
        {"code": "1", "title": "t", "lines": [{"lead_units": ["甲局\ndept"], "indicators": [{"name": "n", "target": "9"}]}]}]}
    with pytest.raises(InputError) as raised:
        plan_from_dict(plan, "x.toml")
    assert [str(message) for message in raised.value.messages] == [
        "x.toml: programme.name: not UTF-8 text at character 2; give the text in UTF-8",
        "x.toml: tasks[0] (task 1).lines[0].indicators[0].target: expected a number, got '9'",
    ]


def test_a_huge_value_in_a_plan_is_quoted_short(tmp_path):
    path = write_plan(tmp_path / "big-value.toml", f'rule = "{"x" * 100_000}"\n')
    with pytest.raises(InputError) as caught:
        load_plan(path)
    assert "programme.rule: expected one of step, pro-rata, got 'xxxx" in str(caught.value)
    assert len(str(caught.value)) < 400


# --- item 11: magnitudes ------------------------------------------------------------------------------


def test_a_20_digit_value_is_refused_with_its_place(demo_cli):
    before = reports(demo_cli)
    result = demo_cli("import", "progress", str(DATA / "huge-value.csv"))
    assert result.exit_code == 2
    assert (f"{DATA / 'huge-value.csv'}:2:数值: '99999999999999999999': beyond what mstrack stores: "
            "at most 1,000,000,000,000,000 (1000万亿) either side of zero") in result.stderr
    result = demo_cli("log", "shenzhen-2023/5", "99999999999999999999", "-i", "建设", "--as-of", "2023-06-30")
    assert result.exit_code == 2
    assert "VALUE '99999999999999999999': beyond what mstrack stores" in result.stderr
    result = demo_cli("log", "shenzhen-2023/5", "1000000亿", "-i", "建设", "--as-of", "2023-06-30")  # 1e14: stored
    assert result.exit_code == 0, result.output
    assert reports(demo_cli) == before + 1


def test_a_huge_number_cell_in_an_xlsx_is_refused(demo_cli, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["计划", "任务编号", "指标", "截至日期", "数值"])
    book.active.append(["shenzhen-2023", 5, "建设", "2023-06-30", 1e20])
    book.save(tmp_path / "float.xlsx")
    result = demo_cli("import", "progress", str(tmp_path / "float.xlsx"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'float.xlsx'}:2:数值: '100000000000000000000': beyond what mstrack stores" in result.stderr


# --- item 19: dates with a sign or an absurd year -----------------------------------------------------


def test_signed_dates_are_refused_in_every_date_input(demo_cli):
    before = reports(demo_cli)
    result = demo_cli("import", "progress", str(DATA / "signed-date.csv"))
    assert result.exit_code == 2
    assert f"{DATA / 'signed-date.csv'}:2:截至日期: '-2023-06-30' is not a date: a date has no sign" in result.stderr
    assert f"{DATA / 'signed-date.csv'}:3:截至日期: '+2023-07-31' is not a date: a date has no sign" in result.stderr
    for args in (("log", "shenzhen-2023/5", "1", "-i", "建设", "--as-of=-2023-06-30"), ("status", "--as-of=+2023-06-30"),
                 ("import", "progress", str(DATA / "huge-value.csv"), "--as-of=-2023-06-30"),
                 ("report", "half-year", "-p", "shenzhen-2023", "--as-of", "0000-06-30")):
        result = demo_cli(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "--as-of: " in result.stderr, args
    assert reports(demo_cli) == before


def test_a_file_named_in_bytes_that_are_not_utf8_is_read_and_written(demo_cli, tmp_path):
    """A file name in GBK (a Windows zip unpacked on Linux) is the system's name for the file, not text to store:
    refusing it as "not UTF-8 text" left the file unreadable by name. Its rows are stored; an --output so named is
    written; a --note in those bytes is still refused."""
    folder = os.fsencode(tmp_path)
    source = folder + b"/" + "住建局.csv".encode("gbk")
    with open(source, "wb") as file:
        file.write("任务编号,指标,截至日期,数值\n5,建设,2023-06-30,25000\n".encode())
    before = demo_cli.sql("select count(*) from report")
    run = [mstrack_executable(), "--db", str(demo_cli.db), "--lang", "en"]
    result = subprocess.run([*run, "import", "progress", source, "-p", "shenzhen-2023"], capture_output=True)
    assert result.returncode == 0, result.stderr.decode("utf-8", "backslashreplace")
    assert demo_cli.sql("select count(*) from report")[0][0] == before[0][0] + 1
    assert demo_cli.sql("select source from report order by id desc limit 1") == [("住建局.csv",)]  # read as GB18030
    output = folder + b"/" + "周报.md".encode("gbk")
    result = subprocess.run([*run, "report", "weekly", "-f", "md", "--as-of", "2023-07-01", "-o", output],
                            capture_output=True)
    assert result.returncode == 0, result.stderr.decode("utf-8", "backslashreplace")
    assert Path(os.fsdecode(output)).read_bytes().startswith(b"#")
    result = subprocess.run([*run, "log", "shenzhen-2023/5", "2.6万", "-i", "建设", "--as-of", "2023-07-31",
                             "--note", "说明".encode("gbk")], capture_output=True)
    assert result.returncode == 2 and b"not UTF-8 text" in result.stderr
