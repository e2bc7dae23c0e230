"""input55: one "same file?" check (filesystem.same_file), -p and --programme read as the store spells a code, the
refusals of many rows grouped by their words, and a file's kind known for the file as it is."""

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from mstrack import filesystem

from .conftest import done, refused

sqlite_only = pytest.mark.sqlite_only

HEADER = "计划,任务编号,指标,截至日期,数值"
ROW = "shenzhen-2023,5,建设筹集保障性住房,2023-06-30,25000"


def stored(cli) -> list[tuple]:
    return cli.sql("select value, source from report order by id")


# --- 1. filesystem.same_file ---------------------------------------------------------------------------------------

def test_same_file_answers_each_case(tmp_path, monkeypatch):
    one = tmp_path / "one.csv"
    one.write_text("x", encoding="utf-8")
    other = tmp_path / "other.csv"
    other.write_text("x", encoding="utf-8")  # the same bytes, another file
    link = tmp_path / "link.csv"
    link.symlink_to(one)
    hard = tmp_path / "hard.csv"
    os.link(one, hard)
    folder = tmp_path / "sub"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    assert filesystem.same_file(one, one)
    assert filesystem.same_file(one, Path("one.csv"))  # relative
    assert filesystem.same_file(one, folder / ".." / "one.csv")  # spelled another way
    assert filesystem.same_file(link, one) and filesystem.same_file(one, link)  # a symlink
    assert filesystem.same_file(hard, one)  # a hard link: another name, one inode
    assert not filesystem.same_file(one, other)
    assert filesystem.same_file(folder, tmp_path / "sub" / ".")  # a folder, however spelled
    assert not filesystem.same_file(folder, one)
    missing = tmp_path / "missing.csv"
    assert not filesystem.same_file(missing, one) and not filesystem.same_file(one, missing)
    assert filesystem.same_file(missing, Path("sub/../missing.csv"))  # not there: the same name resolved
    assert not filesystem.same_file(missing, tmp_path / "gone.csv")
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(missing)
    assert filesystem.same_file(dangling, missing)  # where the link leads
    assert not filesystem.same_file("a\0b", one)  # a name no file can have


def test_the_same_file_by_a_hard_link_is_refused_as_given_twice(demo_cli, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    hard = tmp_path / "again.csv"
    os.link(path, hard)
    before = stored(demo_cli)
    refused(demo_cli("import", "progress", str(path), str(hard)), f"{hard}: given twice (also as {path})")
    assert stored(demo_cli) == before


def test_an_output_that_is_the_table_by_a_hard_link_is_refused(demo_cli, tmp_path):
    table = tmp_path / "plan.csv"
    table.write_text("序号,工作任务,牵头单位,完成时限\n1,新建中小学校10所,市教育局,2024年12月底前\n", encoding="utf-8")
    hard = tmp_path / "plan.toml"
    os.link(table, hard)
    before = table.read_bytes()
    refused(demo_cli("import", "table", str(table), "-p", "t-2024", "--year", "2024", "-o", str(hard)),
            f"--output {hard}: that is the table this command reads ({table}); nothing written")
    assert table.read_bytes() == before


@sqlite_only
def test_a_backup_that_is_the_database_by_a_hard_link_is_refused(demo_cli, tmp_path):
    hard = tmp_path / "copy.db"
    os.link(demo_cli.db, hard)
    before = demo_cli.sql("select count(*) from report")
    refused(demo_cli("db", "restore", str(hard)), "this is the database itself")
    assert demo_cli.sql("select count(*) from report") == before


# --- 3. -p CODE as the store spells it --------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["YANTIAN-2023", "Yantian-2023", "ｙａｎｔｉａｎ－２０２３"])
def test_p_takes_a_code_typed_in_capitals_or_full_width(demo_cli, typed):
    said = demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-06-30", "--format", "json")
    done(said)
    result = demo_cli("status", "-p", typed, "--as-of", "2023-06-30", "--format", "json")
    done(result)
    rows = json.loads(result.stdout)
    assert rows == json.loads(said.stdout) and rows and {row["programme"] for row in rows} == {"yantian-2023"}
    report = demo_cli("report", "half-year", "-p", typed, "--format", "json")
    done(report)
    assert json.loads(report.stdout) == json.loads(demo_cli("report", "half-year", "-p", "yantian-2023", "--format",
                                                            "json").stdout)
    done(demo_cli("units", "-p", typed, "--as-of", "2023-06-30"))


def test_p_given_twice_in_two_spellings_is_one_programme(demo_cli):
    once = demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-06-30", "--format", "json")
    twice = demo_cli("status", "-p", "yantian-2023", "-p", "YANTIAN-2023", "--as-of", "2023-06-30", "--format", "json")
    done(twice)
    assert json.loads(twice.stdout) == json.loads(once.stdout)


def test_export_plan_takes_the_code_typed_otherwise(demo_cli, tmp_path):
    result = demo_cli("export", "plan", "YANTIAN-2023")
    done(result)
    assert result.stdout == demo_cli("export", "plan", "yantian-2023").stdout


def test_p_naming_no_programme_is_refused_with_the_codes_it_may_mean(demo_cli, tmp_path):
    refused(demo_cli("status", "-p", "YANTIAN-2024"), "no programme 'YANTIAN-2024'")
    said = refused(demo_cli("report", "half-year", "-p", "SHENZEN-2023", "-o", str(tmp_path / "r.md")),
                   "did you mean: shenzhen-2023")
    assert "Traceback" not in said and not (tmp_path / "r.md").exists()


def test_a_code_reading_alike_two_stored_codes_is_refused():
    from mstrack.cli.common import stored_programmes
    from mstrack.errors import UnknownProgramme

    class Store:
        display_url = "x.db"

        def programme_codes(self):
            return ["ab-2023", "ＡＢ-2023"]  # two stored codes that read alike (a store of older rules)

    assert stored_programmes(Store(), ["ab-2023"]) == ["ab-2023"]  # as stored: itself
    assert stored_programmes(Store(), ["ＡＢ-2023"]) == ["ＡＢ-2023"]
    with pytest.raises(UnknownProgramme, match="did you mean: ab-2023, ＡＢ-2023"):
        stored_programmes(Store(), ["Ab-2023"])
    assert stored_programmes(Store(), None) is None


# --- 4. import progress --programme x-2023 with rows naming X-2023 ----------------------------------------------

def test_programme_option_takes_rows_naming_its_code_otherwise(demo_cli, tmp_path):
    path = tmp_path / "upper.csv"
    path.write_text(f"{HEADER}\n{ROW.replace('shenzhen-2023', 'SHENZHEN-2023')}\n", encoding="utf-8")
    before = stored(demo_cli)
    done(demo_cli("import", "progress", str(path), "--programme", "shenzhen-2023"))
    assert stored(demo_cli) == [*before, (25000, "upper.csv")]


def test_programme_option_typed_otherwise_takes_the_rows_naming_it(demo_cli, tmp_path):
    path = tmp_path / "lower.csv"
    path.write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    before = stored(demo_cli)
    done(demo_cli("import", "progress", str(path), "--programme", "ＳＨＥＮＺＨＥＮ-2023"))
    assert stored(demo_cli) == [*before, (25000, "lower.csv")]


def test_programme_option_still_refuses_rows_of_another_programme(demo_cli, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text(f"{HEADER}\n{ROW.replace('shenzhen-2023', 'SHENZHEN-2023')}\n", encoding="utf-8")
    before = stored(demo_cli)
    refused(demo_cli("import", "progress", str(path), "--programme", "yantian-2023"),
            "--programme yantian-2023 was given and this row says SHENZHEN-2023", "nothing was written")
    assert stored(demo_cli) == before


# --- 5. refusals of many rows grouped by their words ------------------------------------------------------------

def test_quantity_and_date_refusals_are_grouped_by_their_words(demo_cli, tmp_path):
    path = tmp_path / "坏值.csv"
    rows = [f"shenzhen-2023,5,建设筹集保障性住房,2023-05-{n:02d},{n}x{n}" for n in range(1, 10)]  # 9 rows, each its value
    rows += [f"shenzhen-2023,5,建设筹集保障性住房,2023-06-3{n},1" for n in range(1, 8)]  # 7 days that do not exist
    rows += ["shenzhen-2023,5,建设筹集保障性住房,2023-04-01,1x1"]  # the first row's refusal again, on row 18
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    before = stored(demo_cli)
    said = refused(demo_cli("import", "progress", str(path)), "17 problems; nothing was written",
                   f"{path}:2,18:数值: '1x1' holds more than one number; give one value (2 rows)",
                   f"…and 4 more rows with the same error as {path}:2,18:数值: {path}:7-10:数值 (--verbose shows all)",
                   f"…and 2 more rows with the same error as {path}:11:截至日期: {path}:16-17:截至日期")
    assert said.count("holds more than one number") == 5 and said.count("is not a date") == 5
    assert stored(demo_cli) == before
    every = refused(demo_cli("import", "progress", str(path), "--verbose"))
    assert every.count("holds more than one number") == 10 and every.count("is not a date") == 7
    assert "more rows with the same error" not in every
    assert stored(demo_cli) == before
    zh = refused(demo_cli("--lang", "zh", "import", "progress", str(path)))
    assert f"……另有 4 行与 {path}:2,18:数值 的错误相同：{path}:7-10:数值（加 --verbose 显示全部）" in zh


def test_two_values_for_one_day_on_many_rows_are_counted_not_said_each(demo_cli, tmp_path):
    path = tmp_path / "两遍.csv"
    rows = [f"shenzhen-2023,5,建设筹集保障性住房,2023-02-{n:02d},{100 + n}" for n in range(1, 29)]
    rows += [f"shenzhen-2023,5,建设筹集保障性住房,2023-02-{n:02d},{200 + n}" for n in range(1, 29)]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    before = stored(demo_cli)
    said = refused(demo_cli("import", "progress", str(path)), "28 problems; nothing was written",
                   f"…and 23 more rows with the same error as {path}:30: {path}:35-57 (--verbose shows all)")
    assert said.count("here but") == 5
    assert stored(demo_cli) == before


def test_refusals_of_different_words_stay_apart():
    from mstrack.cli.import_said import _words_of
    from mstrack.domain.dates import DateError
    from mstrack.domain.quantities import QuantityError
    from mstrack.errors import InputError, Message

    def row(n: int, reason) -> Message:
        return Message("{place}: {reason}", place=f"a.csv:{n}:数值", reason=reason)

    one = QuantityError("{value} holds more than one number; give one value", value="'1x1'")
    two = QuantityError("{value} holds more than one number; give one value", value="'2x2'")
    other = QuantityError("{value}: {indicator} counts {unit}, not a percentage; give the count", value="'1%'",
                          indicator="x", unit="个")
    same_words = InputError("{value} holds more than one number; give one value", value="'1x1'")
    date = DateError("{value} is not a date", value="'x'")
    assert _words_of(one) == _words_of(two)
    assert len({_words_of(one), _words_of(other), _words_of(same_words), _words_of(date)}) == 4
    nested = Message("{error} (the header read: {columns})", error=one, columns="a, b")
    assert _words_of(nested) != _words_of(Message("{error} (the header read: {columns})", error=date, columns="a, b"))
    assert _words_of(row(2, one).fields["reason"]) == _words_of(row(3, two).fields["reason"])


# --- 6. a file's kind, for the file as it is ----------------------------------------------------------------------

def _xlsx_bytes() -> bytes:
    data = io.BytesIO()
    book = Workbook()
    book.active.append(["计划", "任务编号", "指标", "截至日期", "数值"])
    book.active.append(["shenzhen-2023", 5, "建设筹集保障性住房", "2023-06-30", 25000])
    book.save(data)
    return data.getvalue()


def _ods_like(size: int) -> bytes:
    """A zip an OpenDocument spreadsheet's mimetype names, padded with a zip comment to `size` bytes."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    with zipfile.ZipFile(data, "a") as archive:
        archive.comment = b"x" * (size - len(data.getvalue()))
    return data.getvalue()


def test_a_file_rewritten_in_place_with_its_mtime_put_back_is_read_by_its_new_kind(demo_cli, tmp_path):
    from mstrack.sources.files import zipped_kind

    workbook = _xlsx_bytes()
    path = tmp_path / "return.xlsx"
    path.write_bytes(_ods_like(len(workbook)))
    assert zipped_kind(path) == ".ods"
    before = stored(demo_cli)
    refused(demo_cli("import", "progress", str(path)))  # an .ods with no table in it
    assert stored(demo_cli) == before
    status = path.stat()
    with path.open("r+b") as handle:  # in place: the same inode and size
        handle.write(workbook)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))  # as touch -r, or a copy keeping times, puts it back
    now = path.stat()
    assert (now.st_ino, now.st_size, now.st_mtime_ns) == (status.st_ino, status.st_size, status.st_mtime_ns)
    assert zipped_kind(path) == ".xlsx"
    done(demo_cli("import", "progress", str(path)))
    assert stored(demo_cli) == [*before, (25000, "return.xlsx")]


def test_a_file_rewritten_within_one_tick_is_told_by_its_ends(tmp_path, monkeypatch):
    """Rewritten in place within one tick of the file system's clock, a file keeps every time: its bytes tell it."""
    from mstrack.sources import files

    workbook = _xlsx_bytes()
    path = tmp_path / "return.xlsx"
    path.write_bytes(_ods_like(len(workbook)))
    assert files.zipped_kind(path) == ".ods"
    status = path.stat()
    path.write_bytes(workbook)
    monkeypatch.setattr(Path, "stat", lambda self, **_: status)  # every time as it was: one tick
    assert files.zipped_kind(path) == ".xlsx"
