"""safe33: nothing lost. A file mstrack did not write and cannot read (a truncated or encrypted workbook, a sheet's
broken XML) is kept from every -o, saying why; `log` and `import progress` say what is wrong with a value that is
not a number mstrack reads ("1e15", "0x10", "5.") and refuse one it cannot store exactly; `log --done` says one
checkpoint as one."""

import zipfile
from pathlib import Path

import pytest

from .conftest import refused, write_plan
from .test_safe31a import CASES, HEADER, NOTES, ROADS, ROWS, reported, written

UNREADABLE = "the file is damaged or cannot be read"  # safe39a: was "not written by mstrack and cannot be read"


@pytest.fixture
def roads(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "x.toml", ROADS))).exit_code == 0
    return cli


# --- 1. a file mstrack cannot read is not written over ----------------------------------------------------------

def truncated(path: Path) -> bytes:
    """A real return written by openpyxl, cut in half (a copy that stopped, a download that broke off)."""
    whole = written(path, [*NOTES, HEADER, *ROWS])
    path.write_bytes(whole[: len(whole) // 2])
    return path.read_bytes()


def broken_sheet(path: Path) -> bytes:
    """A real workbook of a sheet of notes and a return whose sheet XML is cut short inside the zip: the notes read,
    the figures' sheet does not."""
    source = path.with_name("whole.xlsx")
    written(source, [["填报说明"], ["请填写数值"], ["月末报送"]], {"7月": [HEADER, *ROWS]})
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as after:
        for item in before.infolist():
            data = before.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = data[: len(data) // 2]
            after.writestr(item, data)
    source.unlink()
    return path.read_bytes()


def encrypted(path: Path) -> bytes:
    """A workbook saved with a password is an OLE compound file whatever its name: the OLE header, then bytes no
    reader makes a sheet of."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 40)
    return path.read_bytes()


XLSX_CASES = [(suffix, command) for suffix, command in CASES if suffix == ".xlsx"]
IDS = lambda value: " ".join(value) if isinstance(value, list) else getattr(value, "__name__", value)  # noqa: E731


@pytest.mark.parametrize(("suffix", "command"), XLSX_CASES, ids=IDS)
@pytest.mark.parametrize("damage", [truncated, broken_sheet, encrypted], ids=IDS)
def test_o_onto_a_workbook_mstrack_cannot_read_is_refused_and_kept(roads, tmp_path, suffix, command, damage):
    target = tmp_path / f"return{suffix}"
    before = damage(target)
    result = roads(*command, "-o", str(target))
    refused(result, f"--output {target}: {UNREADABLE} (", "give another -o name", "remove it yourself")
    assert target.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir() if path.suffix == suffix) == [target.name]
    zh = refused(roads("--lang", "zh", *command, "-o", str(target)))
    assert f"{target}：该文件已损坏或无法读取（" in zh
    assert target.read_bytes() == before


def test_the_refusal_says_why_the_file_cannot_be_read(roads, tmp_path):
    target = tmp_path / "secret.xlsx"
    encrypted(target)
    result = refused(roads("units", "-f", "xlsx", "-o", str(target)))
    assert "cannot be read (not a readable .xlsx file (" in result, result  # the reader's own words, the path once
    assert result.count(str(target)) == 1
    sheet = tmp_path / "broken.xlsx"
    broken_sheet(sheet)
    assert "'7月'" in refused(roads("units", "-f", "xlsx", "-o", str(sheet)))  # the sheet that cannot be read


def test_an_xls_that_does_not_parse_is_kept_under_any_name(roads, tmp_path):
    """An .xls is known by its OLE header, named .xls or not at all (a return saved as `ret`)."""
    for name, said in (("return.xls", UNREADABLE), ("ret", "the file is an old Office file")):  # safe39a: named so
        target = tmp_path / name
        before = encrypted(target)
        refused(roads("report", "weekly", "-f", "xlsx", "--as-of", "2023-07-31", "-o", str(target)), said)
        assert target.read_bytes() == before
        assert str(tmp_path) not in refused(roads("units", "-f", "xlsx", "-o", str(target))).replace(str(target), "")


@pytest.mark.parametrize(("suffix", "command"), CASES, ids=IDS)
def test_an_empty_file_is_still_replaced(roads, tmp_path, suffix, command):
    target = tmp_path / f"empty{suffix}"
    target.write_bytes(b"")
    result = roads(*command, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.stat().st_size > 0


def test_a_readable_return_beside_the_damaged_case_is_still_imported(roads, tmp_path):
    """The refusal keeps the file for the unit to mend; an intact return is still imported as before."""
    form = tmp_path / "return.xlsx"
    written(form, [HEADER, *ROWS])
    assert roads("import", "progress", str(form), "-p", "x-2023").exit_code == 0
    assert reported(roads) == [("2023-06-30", 2, None), ("2023-07-31", 3, "两条已完工")]


# --- 2. what `log` and `import progress` say about a value that is no number mstrack reads ----------------------

NOT_READ = "is not a number mstrack reads: write digits, with 万 or 亿 if you like, such as 1500 or 1.5万"
KM = ('[[tasks]]\ncode = "k"\ntitle = "道路"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
      '[[tasks.lines.indicators]]\nname = "新建道路"\nunit = "公里"\ntarget = 3000\n'
      '[[tasks]]\ncode = "c"\ntitle = "服务"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
      '[[tasks.lines.indicators]]\nname = "服务人次"\nunit = "人次"\ntarget = 3000\n'
      '[[tasks]]\ncode = "t"\ntitle = "方案"\n[[tasks.lines]]\nlead_units = ["甲局"]\n'
      'checkpoints = [{ due = "2023-03-31", text = "印发方案" }]\n')


@pytest.fixture
def office(cli, tmp_path):
    assert cli("import", "plan", str(write_plan(tmp_path / "km.toml", KM))).exit_code == 0
    return cli


def stored(cli) -> list:
    return [value for (value,) in cli.sql("select value from report order by id")]


def imported(cli, tmp_path: Path, value: str):
    """`value` in the 数值 column of a one-row CSV return, imported."""
    form = tmp_path / "r.csv"
    written(form, [["任务编号", "指标", "截至日期", "数值"], ["k", "新建道路", "2023-03-02", value]])
    return cli("import", "progress", str(form), "-p", "x-2023")


@pytest.mark.parametrize("value", ["1e15", "1e16", "1e-320", "0x10", "1_000", "1E5", "2.5e3万", "1e309"])
def test_a_form_that_is_no_number_is_said_so_and_how_to_write_one(office, tmp_path, value):
    result = office("log", "x-2023/k", value, "--as-of", "2023-03-01")
    message = refused(result, f"{value!r} {NOT_READ}")
    assert "more than one number" not in message
    refused(imported(office, tmp_path, value), f"r.csv:2:数值: {value!r} {NOT_READ}")  # one parser, one message
    assert stored(office) == []
    zh = refused(office("--lang", "zh", "log", "x-2023/k", value, "--as-of", "2023-03-01"))
    assert "不是 mstrack 能读的数" in zh


@pytest.mark.parametrize(("value", "number"), [("5.", 5), ("5.万", 50000), ("12.公里", 12)])
def test_a_trailing_point_is_read_as_a_whole_number(office, tmp_path, value, number):
    """"5." is 5, as a spreadsheet, a calculator and Python read it (not "unit '.' does not match")."""
    result = office("log", "x-2023/k", value, "--as-of", "2023-03-01")
    assert result.exit_code == 0, result.stderr
    assert imported(office, tmp_path, value).exit_code == 0
    assert stored(office) == [number, number]


@pytest.mark.parametrize("value", ["999999999999999.9", "99999999999999.99", "1.23456789012345678", "0.1234567890123456"])
def test_a_value_with_more_digits_than_are_stored_exactly_is_refused(office, tmp_path, value):
    """A reported value is stored as a double, which keeps 15 significant digits: 999999999999999.9 was stored as
    1e15 (999999999999999.875)."""
    refused(office("log", "x-2023/k", value, "--as-of", "2023-03-01"), f"{value!r}", "15 significant digits")
    refused(imported(office, tmp_path, value), "r.csv:2:数值", "15 significant digits")
    assert stored(office) == []


@pytest.mark.parametrize(("value", "number"), [
    ("一百", 100), ("１２", 12), ("١٢", 12), ("4.5万", 45000), ("999999999999999", 999999999999999),
    ("1000000000000000", 10**15), ("0.000000000000001", 1e-15), ("12345678901234.5", 12345678901234.5),
    ("1,500", 1500), ("1.5万", 15000),
])
def test_what_was_read_is_still_read(office, tmp_path, value, number):
    result = office("log", "x-2023/k", value, "--as-of", "2023-03-01")
    assert result.exit_code == 0, result.stderr
    assert imported(office, tmp_path, value).exit_code == 0
    assert stored(office) == [number, number]


@pytest.mark.parametrize(("value", "said"), [
    ("-5", "cannot be negative"), ("nan", "is not a quantity"), ("inf", "is not a quantity"),
    ("1e309", NOT_READ), ("5 个", "does not match"), ("1.5.2", "more than one number"),
    ("+5", "has a plus sign"),  # an increase, not the cumulative 5 (safe47a; read as 5 before)
])
def test_what_was_refused_is_still_refused(office, tmp_path, value, said):
    refused(office("log", "--as-of", "2023-03-01", "--", "x-2023/k", value), said)
    refused(imported(office, tmp_path, value), said)
    assert stored(office) == []


def test_a_percentage_on_a_count_is_still_refused(office):
    refused(office("log", "x-2023/c", "12%", "--as-of", "2023-03-01"), "not a percentage")
    assert stored(office) == []


def test_a_spreadsheets_computed_number_is_stored_as_it_is(office, tmp_path):
    """A formula's result (100/3) is a double already: its 17 digits are what the cell holds, not a value typed."""
    form = tmp_path / "r.xlsx"
    written(form, [["任务编号", "指标", "截至日期", "数值"], ["k", "新建道路", "2023-03-01", 100 / 3]])
    result = office("import", "progress", str(form), "-p", "x-2023")
    assert result.exit_code == 0, result.stderr
    (value,) = stored(office)
    assert abs(value - 100 / 3) < 1e-12


# --- 3. one checkpoint is one -----------------------------------------------------------------------------------

def test_log_done_on_a_line_of_one_checkpoint_says_it_in_the_singular(office):
    assert office("log", "x-2023/t", "--done", "--as-of", "2023-03-01").exit_code == 0
    message = refused(office("log", "x-2023/t", "--done", "--as-of", "2023-03-02"), "its one checkpoint is already marked met")
    assert "all 1 checkpoints" not in message
    zh = refused(office("--lang", "zh", "log", "x-2023/t", "--done", "--as-of", "2023-03-02"))
    assert "唯一的节点已标记完成" in zh and "全部 1 个" not in zh
    assert stored(office) == [1]
