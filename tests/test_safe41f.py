"""Small leftovers of the nothing-lost work (safe41f): `batches` says the undone reports an import or undo deleted."""

import json

from .test_safe41d import _deleting_reimport


def test_batches_json_and_table_say_the_undone_reports_an_import_deleted(cli, tmp_path):
    _deleting_reimport(cli, tmp_path)
    found = {b["id"]: b for b in json.loads(cli("batches", "--format", "json").stdout)}
    assert [found[n]["undone_deleted"] for n in (4, 3, 2, 1)] == [1, 0, 0, 0]
    english = cli("batches")
    assert english.exit_code == 0, english.output
    row = next(line for line in english.stdout.splitlines() if line.strip().startswith("4 "))
    assert "deleted 1 undone report" in row
    chinese = cli("--lang", "zh", "batches")
    assert chinese.exit_code == 0, chinese.output
    assert "删除已撤销报送 1 条" in chinese.stdout
    assert "删除已撤销报送" not in "".join(line for line in chinese.stdout.splitlines() if line.strip().startswith("3 "))


def test_a_long_return_with_many_values_merged_across_is_the_values_and_no_notes(cli, tmp_path):
    """5,000 rows, a value merged across 备注 every 20th row (250 ranges), read the columnar path: each copy in 备注 made
    blank in its own chunk, whichever chunk the range falls in (see_cells keeps the copies as sorted rows)."""
    from datetime import date, timedelta

    from .conftest import schools_and_roads, write_plan
    from .test_safe41c import H, save, stored

    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", schools_and_roads()))).exit_code == 0
    rows = [H] + [["1", "学校", "2023-03-31", 1, None] for _ in range(5000)]
    merges, expected = [], [("1", "学校", "2023-03-31", 1, None)]
    for n, number in enumerate(range(20, 5001, 20)):
        day = str(date(2023, 1, 1) + timedelta(days=n))
        rows[number - 1] = ["2", "道路", day, n + 1, None]
        merges.append(f"D{number}:E{number}")
        expected.append(("2", "道路", day, n + 1, None))
    path = save(tmp_path / "long.xlsx", rows, merges, [])
    result = cli("import", "progress", str(path), "--programme", "x-2023")
    assert result.exit_code == 0 and result.exception is None, result.output
    assert stored(cli) == expected


def _hidden_blank_rows(cli, tmp_path, kind: str):
    """Rows 3–4 hidden and empty (one with a styled blank cell), row 5 hidden with a figure: only row 5 is said."""
    import shutil
    import subprocess

    import pytest
    from openpyxl.styles import Font

    from .conftest import schools_and_roads, write_plan
    from .test_safe41c import DRAFT, H, save

    assert cli("import", "plan", str(write_plan(tmp_path / "p.toml", schools_and_roads()))).exit_code == 0
    rows = [H, ["1", "学校", "2023-03-31", 1, None], [None] * 5, [None] * 5, DRAFT, ["2", "道路", "2023-03-31", 2, None]]
    path = save(tmp_path / "blank.xlsx", rows, [], [3, 4, 5])
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active["B4"].font = Font(bold=True)  # a cell with a style and no value
    book.save(path)
    if kind == "xls":
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            pytest.skip("LibreOffice is not installed (CI installs it)")
        profile = (tmp_path / "profile").resolve().as_uri()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xls", "--outdir",
                        str(tmp_path), str(path)], check=True, capture_output=True, timeout=300)
        path = tmp_path / "blank.xls"
    result = cli("import", "progress", str(path), "--programme", "x-2023")
    assert result.exit_code == 0 and result.exception is None, result.output
    return result.output


def test_an_xlsx_names_only_the_hidden_rows_that_hold_something(cli, tmp_path):
    said = _hidden_blank_rows(cli, tmp_path, "xlsx")
    assert "row 5 of sheet '回报' is hidden and was imported" in said, said
    assert "rows 3" not in said


def test_an_xls_names_only_the_hidden_rows_that_hold_something(cli, tmp_path):
    said = _hidden_blank_rows(cli, tmp_path, "xls")
    assert "row 5 of sheet '回报' is hidden and was imported" in said, said
    assert "rows 3" not in said
