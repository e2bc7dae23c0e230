"""calamine given a copy of the workbook it reads once (sources/xlsx_once.py): the copy gives the file's values,
extent and merges; a sheet with merged cells, a byte-order mark or another declared encoding is read from the file;
the reader and the child parse from the copy, and a copy that fails leaves the sheet to the file."""

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

import mstrack.sources.xlsx_once as xlsx_once
from mstrack.sources.xlsx import sheet_parts
from mstrack.sources.xlsx_once import parsed_once

from .test_xlsx_fork import all_rows, forking, in_process, sheet_of_every_kind  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parent.parent


def from_file(path: Path, sheet: str):
    return CalamineWorkbook.from_path(path).get_sheet_by_name(sheet)


def once(path: Path, sheet: str):
    with zipfile.ZipFile(path) as archive:
        member = sheet_parts(archive, sheet).sheet
    return parsed_once(path, member, sheet)


def same(copied, original) -> None:
    assert (copied.start, copied.end, copied.merged_cell_ranges) == (original.start, original.end, original.merged_cell_ranges)
    assert copied.to_python() == original.to_python()


def test_the_copy_gives_the_files_values_extent_and_merges(tmp_path):
    path = sheet_of_every_kind(tmp_path / "kinds.xlsx")
    copied = once(path, "Sheet")
    assert copied is not None
    same(copied, from_file(path, "Sheet"))


GUARDED = ("huge-", "cell-below-its-row", "unreferenced-cells")
"""tests/data's workbooks the guard refuses or streams before calamine sees them (test_hostile_input, test_xlsx_fork):
calamine would allocate their whole extent (unreferenced-cells: 30 columns down to row 1,048,576, 12 of this test's 12.3
CPU-seconds). Their shape, cells that name no r="…", is compared on two sheets of 50 and 300 rows below."""


def test_every_sheet_calamine_reads_gives_the_same_through_the_copy(tmp_path):
    """Every workbook under tests/ and data/: each sheet calamine reads gives the same values, extent and merges
    through the copy; one it cannot read is left to the file (None). (GUARDED: never given to calamine; two sheets
    of unreferenced cells are.)"""
    import re

    unreferenced = [rewritten(made(tmp_path / f"{index}.xlsx"), tmp_path / f"unreferenced-{index}.xlsx",
                              lambda xml: re.sub(rb' r="[A-Z]*[0-9]+"', b"", xml))
                    for index, made in enumerate((small_sheet, lambda path: sheet_of_every_kind(path, rows=300)))]
    assert not any(b' r="' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml") for path in unreferenced)
    copied_sheets = 0
    for path in [*sorted([*ROOT.glob("tests/**/*.xlsx"), *ROOT.glob("data/**/*.xlsx")]), *unreferenced]:
        if path.name.startswith(GUARDED):
            continue
        try:
            names = CalamineWorkbook.from_path(path).sheet_names
        except Exception:  # noqa: BLE001 (a hostile file: nothing to compare)
            continue
        for name in names:
            try:
                original = from_file(path, name)
            except Exception:  # noqa: BLE001
                assert once(path, name) is None, (path, name)
                continue
            copied = once(path, name)
            if copied is not None:
                copied_sheets += 1
                same(copied, original)
    assert copied_sheets >= 5


def rewritten(path: Path, out: Path, change) -> Path:
    """The workbook with its first sheet's XML changed by `change`."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, change(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    return out


def small_sheet(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["任务编号", "数值", "备注"])
    for number in range(1, 50):
        sheet.append([number, number / 4, f"第{number}行 & <说明>"])
    book.save(path)
    return path


def test_a_sheet_with_merged_cells_is_read_from_the_file(tmp_path):
    path = small_sheet(tmp_path / "plain.xlsx")
    book = Workbook()
    book.active.append(["甲", "乙"])
    book.active.merge_cells("A2:B3")
    book.save(tmp_path / "merged.xlsx")
    assert once(tmp_path / "merged.xlsx", "Sheet") is None
    prefixed = rewritten(path, tmp_path / "prefixed.xlsx", lambda xml: xml.replace(b"</worksheet>", b"<x:mergeCells "
                         b'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:mergeCell ref="A2:B3"/>'
                         b"</x:mergeCells></worksheet>"))
    assert from_file(prefixed, "Sheet").merged_cell_ranges == [((1, 0), (2, 1))]
    assert once(prefixed, "Sheet") is None


def test_a_workbook_naming_a_part_twice_is_read_from_the_file(tmp_path):
    path = small_sheet(tmp_path / "plain.xlsx")
    twice = tmp_path / "twice.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(twice, "w") as target, pytest.warns(UserWarning, match="Duplicate"):
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr("xl/styles.xml", source.read("xl/styles.xml"))
    assert once(twice, "Sheet") is None


@pytest.mark.parametrize("change", [
    lambda xml: b"\xef\xbb\xbf" + xml,
    lambda xml: b"<?xml version='1.0' encoding='ISO-8859-1'?>" + xml,  # openpyxl writes no declaration
], ids=["byte-order mark", "another encoding"])
def test_a_mark_or_another_encoding_is_read_from_the_file(tmp_path, change):
    path = rewritten(small_sheet(tmp_path / "plain.xlsx"), tmp_path / "changed.xlsx", change)
    assert once(path, "Sheet") is None


def test_a_declared_utf8_sheet_and_a_prefixed_one_are_copied(tmp_path):
    path = small_sheet(tmp_path / "plain.xlsx")
    copied = once(path, "Sheet")
    assert copied is not None
    same(copied, from_file(path, "Sheet"))
    prefixed = rewritten(path, tmp_path / "prefixed.xlsx", lambda xml: xml.replace(b"<worksheet ", b"<x:worksheet xmlns:x="
                         b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main" ', 1).replace(b"</worksheet>", b"</x:worksheet>"))
    copied = once(prefixed, "Sheet")
    assert copied is not None
    same(copied, from_file(prefixed, "Sheet"))


def test_the_reader_parses_from_the_copy_and_a_failing_copy_leaves_it_to_the_file(tmp_path, monkeypatch):
    path = sheet_of_every_kind(tmp_path / "kinds.xlsx")
    in_process(monkeypatch)
    expected = all_rows(path)
    calls = []
    original = xlsx_once.parsed_once

    def spy(*args):
        calls.append(result := original(*args))
        return result

    monkeypatch.setattr(xlsx_once, "parsed_once", spy)
    assert all_rows(path) == expected
    assert len(calls) == 1 and calls[0] is not None

    real = CalamineWorkbook.from_path

    class Failing:
        @staticmethod
        def from_path(name, *args, **kwargs):
            if str(name).startswith("/proc/self/fd/"):
                raise RuntimeError("the copy fails")
            return real(name, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr("python_calamine.CalamineWorkbook", Failing)
        assert once(path, "Sheet") is None
    monkeypatch.setattr(xlsx_once, "parsed_once", lambda *args: None)
    assert all_rows(path) == expected


def test_the_child_parses_from_the_copy(tmp_path, forking, monkeypatch):  # noqa: F811
    """The child calls parsed_once with the sheet's member (a mark it leaves in a file, as it cannot return one)."""
    path = sheet_of_every_kind(tmp_path / "kinds.xlsx")
    mark = tmp_path / "copied"
    original = xlsx_once.parsed_once

    def marking(*args):
        result = original(*args)
        if result is not None:
            mark.write_text(args[1])
        return result

    monkeypatch.setattr(xlsx_once, "parsed_once", marking)
    blocks = all_rows(path)
    assert forking and mark.read_text() == "xl/worksheets/sheet1.xml"
    monkeypatch.undo()
    in_process(monkeypatch)
    assert blocks == all_rows(path)


def test_a_workbook_whose_other_parts_outweigh_the_sheet_is_read_from_the_file(tmp_path, monkeypatch):
    """review42: a 2-row sheet beside a 128 MB one was copied whole (0.60 s, 277 MB) where calamine read the file in
    0.01 s: the copy inflates every XML part. Parts other than the sheet larger than it, and than OTHER_PARTS_BYTES,
    leave the sheet to the file (the bound made small here, the shape the same)."""
    monkeypatch.setattr(xlsx_once, "OTHER_PARTS_BYTES", 20_000)
    book = Workbook()
    book.active.title = "回报"
    book.active.append(["任务编号", "数值"])
    book.active.append([1, 2])
    other = book.create_sheet("底稿")
    for number in range(2_000):
        other.append([number, f"第{number}行的说明文字"])
    book.save(tmp_path / "two.xlsx")
    assert once(tmp_path / "two.xlsx", "回报") is None
    big = small_sheet(tmp_path / "one.xlsx")  # the sheet itself the larger: copied as before
    same(once(big, "Sheet"), from_file(big, "Sheet"))
    monkeypatch.setattr(xlsx_once, "OTHER_PARTS_BYTES", 1 << 30)
    same(once(tmp_path / "two.xlsx", "回报"), from_file(tmp_path / "two.xlsx", "回报"))
