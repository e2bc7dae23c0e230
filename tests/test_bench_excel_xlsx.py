"""The bench's Excel-saved province .xlsx (bench/generate.py write_excel_xlsx): it holds what Excel writes (a
shared-strings table, t="s" cells, r= references, date and percent styles), and the import stores from it
exactly the reports it stores from the CSV and from the openpyxl-written .xlsx, so that its bench row measures
the same work on the file an office sends."""

import importlib
import re
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import BACKEND, Cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(BACKEND != "sqlite", reason="the files are what is tested; one backend is enough")
def test_the_excel_saved_province_xlsx_imports_as_the_csv_does(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "bench"))  # bench/generate.py, as bench/run imports it
    monkeypatch.delitem(sys.modules, "generate", raising=False)
    meta = importlib.import_module("generate").generate_province(tmp_path / "data", tasks=40, per_task=25, import_rows=600)
    with zipfile.ZipFile(meta["progress_excel_xlsx"]) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
        strings = archive.read("xl/sharedStrings.xml")
        styles = archive.read("xl/styles.xml")
    assert b"inlineStr" not in sheet and b"&#" not in sheet and b"&#" not in strings
    assert sheet.count(b' t="s"') == 600 * 4 + 7 and len(re.findall(rb'<c r="[A-G][0-9]+"', sheet)) == 601 * 7
    assert b' s="2"><v>0.' in sheet and b' s="1"><v>45' in sheet  # percent fractions, date serials
    assert b'numFmtId="176" formatCode="yyyy' in styles and b'<xf numFmtId="10"' in styles

    stored = {}
    for name in ("progress_csv", "progress_xlsx", "progress_excel_xlsx"):
        cli = Cli(tmp_path / f"{name}.db")
        assert cli("import", "plan", meta["plans"][0]).exit_code == 0
        result = cli("import", "progress", meta[name])
        assert result.exit_code == 0, result.output
        # the same plan imported the same way: the same indicator ids
        stored[name] = cli.sql("SELECT indicator_id, as_of, value, note, reporter FROM report ORDER BY 1, 2")
    assert len(stored["progress_csv"]) == 600
    assert any(value != int(value) for _, _, value, _, _ in stored["progress_csv"])  # percentages with a fraction
    assert stored["progress_excel_xlsx"] == stored["progress_csv"] == stored["progress_xlsx"]
