"""safe36a: nothing lost. No -o writes over a Word, HTML or Markdown file mstrack did not write (a unit's Word return, a
saved page, an office's notes), nor over a damaged Word file; a report mstrack wrote (its mark: a Word file's creator,
a page's generator, a Markdown report's last line) and an empty file are replaced as before. The -o look stops at the
first sheet holding figures."""

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import refused, sha

NOT_MSTRACKS = "the file was not written by mstrack (nothing in it says so"
UNREADABLE = "the file is damaged or cannot be read"  # safe39a: was "not written by mstrack and cannot be read"
NOTICE = ["report", "notice", "-p", "yantian-2023", "--unit", "区残联", "--as-of", "2023-10-08"]
COMMANDS = {
    ".docx": [NOTICE + ["-f", "docx"], ["report", "half-year", "-p", "yantian-2023", "-f", "docx"],
              ["report", "annual", "-p", "yantian-2023", "-f", "docx"]],
    ".html": [NOTICE + ["-f", "html"], ["report", "weekly", "-f", "html"], ["report", "half-year", "-p", "yantian-2023",
                                                                           "-f", "html"],
              ["lights", "-p", "yantian-2023", "-f", "html"]],
    ".md": [NOTICE + ["-f", "md"], ["report", "weekly", "-f", "md"], ["report", "annual", "-p", "yantian-2023", "-f", "md"],
            ["units", "-f", "md"], ["lights", "-p", "yantian-2023", "-f", "md"]],
}
CASES = [(suffix, command) for suffix, commands in COMMANDS.items() for command in commands]
IDS = lambda value: " ".join(value) if isinstance(value, list) else value  # noqa: E731


def word_return(path: Path, author: str | None = "住建局 王明") -> str:
    """A unit's Word return written by python-docx: a table of its figures and notes, saved by Word as its author."""
    from docx import Document

    document = Document()
    document.add_heading("区残联 督办事项回复", 1)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["任务", "完成值", "备注"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["3", "12", "两条已通车"], strict=True):
        cell.text = text
    if author is not None:
        document.core_properties.author = author
        document.core_properties.last_modified_by = author
    document.save(path)
    return sha(path)


def saved_page(path: Path) -> str:
    path.write_text('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>盐田区交通局</title>\n'
                    "</head>\n<body><h1>7月进展</h1><table><tr><td>新建道路</td><td>3</td></tr></table></body>\n</html>\n",
                    encoding="utf-8")
    return sha(path)


def office_notes(path: Path) -> str:
    path.write_text("# 督办会议记录\n\n- 交通局：道路三条已完工，8月底前报数\n- 教育局：学位待核实\n", encoding="utf-8")
    return sha(path)


KEPT = {".docx": word_return, ".html": saved_page, ".md": office_notes}


def only(folder: Path, name: str) -> None:
    """Nothing else was written beside the file (no temporary file, no second report)."""
    assert sorted(path.name for path in folder.iterdir() if path.suffix in KEPT) == [name]


@pytest.mark.parametrize(("suffix", "command"), CASES, ids=IDS)
def test_o_never_replaces_a_word_html_or_markdown_file_mstrack_did_not_write(demo_cli, tmp_path, suffix, command):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"回复{suffix}"
    before = KEPT[suffix](target)
    refused(demo_cli(*command, "-o", str(target)), f"--output {target}: {NOT_MSTRACKS}", "give another -o name",
            "delete the file yourself")
    assert sha(target) == before
    only(folder, target.name)
    zh = refused(demo_cli("--lang", "zh", *command, "-o", str(target)))
    assert f"{target}：该文件不是 mstrack 写的（" in zh
    assert sha(target) == before


@pytest.mark.parametrize(("suffix", "command"), CASES, ids=IDS)
def test_a_report_mstrack_wrote_and_an_empty_file_are_replaced(demo_cli, tmp_path, suffix, command):
    target = tmp_path / f"报告{suffix}"
    first = demo_cli(*command, "-o", str(target))
    assert first.exit_code == 0, first.output
    made = target.read_bytes()
    target.write_bytes(b"")
    again = demo_cli(*command, "-o", str(target))
    assert again.exit_code == 0, again.output
    assert target.stat().st_size > 0
    again = demo_cli(*command, "-o", str(target))  # over the report it wrote: a rerun, as any -o reran
    assert again.exit_code == 0, again.output
    assert len(target.read_bytes()) == len(made) or suffix == ".docx"


def test_the_marks_mstrack_writes(demo_cli, tmp_path):
    """A Word file's creator and last modifier, a page's generator, a Markdown report's last line (after its body,
    which opens on its title as before)."""
    from docx import Document

    docx, html, md = (tmp_path / f"n.{kind}" for kind in ("docx", "html", "md"))
    for path in (docx, html, md):
        assert demo_cli(*NOTICE, "-o", str(path)).exit_code == 0
    properties = Document(str(docx)).core_properties
    assert (properties.author, properties.last_modified_by) == ("mstrack", "mstrack")
    assert '<meta name="generator" content="mstrack ' in html.read_text(encoding="utf-8")
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Supervision notice\n")
    body, mark = text[:-1].rsplit("\n", 1)  # the mark carries the digest of what is before it (safe40b)
    digest = hashlib.sha256(f"{body}\n".encode()).hexdigest()
    assert body.endswith("\n") and mark == f"<!-- generator: mstrack {__import__('mstrack').__version__} sha256 {digest} -->"
    printed = demo_cli("units", "-f", "md")
    assert printed.exit_code == 0 and printed.stdout.splitlines()[-1].startswith("<!-- generator: mstrack ")


def test_a_word_file_mstrack_wrote_then_saved_by_a_unit_is_kept(demo_cli, tmp_path):
    """A notice a unit opened in Word, typed its reply into and saved: Word names the user as its last modifier."""
    from docx import Document

    target = tmp_path / "通知.docx"
    assert demo_cli(*NOTICE, "-f", "docx", "-o", str(target)).exit_code == 0
    document = Document(str(target))
    document.add_paragraph("回复：三条道路已完工。")
    document.core_properties.last_modified_by = "王明"
    document.save(str(target))
    before = sha(target)
    refused(demo_cli(*NOTICE, "-f", "docx", "-o", str(target)), NOT_MSTRACKS)
    assert sha(target) == before


@pytest.mark.parametrize("author", [None, "python-docx"], ids=["no creator", "another program"])
def test_a_word_file_of_another_creator_is_kept(demo_cli, tmp_path, author):
    target = tmp_path / "回复.docx"
    before = word_return(target, author)
    refused(demo_cli("report", "annual", "-p", "yantian-2023", "-o", str(target)), NOT_MSTRACKS)
    assert sha(target) == before


@pytest.mark.parametrize("damage", ["text", "truncated"])
def test_a_damaged_word_file_is_refused_as_unreadable(demo_cli, tmp_path, damage):
    target = tmp_path / "回复.docx"
    if damage == "text":
        target.write_text("回复：三条道路已完工\n", encoding="utf-8")
    else:
        word_return(target)
        target.write_bytes(target.read_bytes()[:2000])
    before = sha(target)
    refused(demo_cli(*NOTICE, "-f", "docx", "-o", str(target)), f"--output {target}: {UNREADABLE} (not a Word (.docx) "
            "document, or a damaged one)", "give another -o name")
    assert sha(target) == before
    zh = refused(demo_cli("--lang", "zh", *NOTICE, "-f", "docx", "-o", str(target)))
    assert "不是 Word（.docx）文档，或文件已损坏" in zh


def test_a_word_file_or_page_without_its_suffix_is_known_by_its_content(demo_cli, tmp_path):
    """`-f md -o 回复` onto a Word file saved without its suffix, or `-f html -o 页面` onto a saved page."""
    word, page = tmp_path / "回复", tmp_path / "页面"
    words, seen = word_return(word), saved_page(page)
    refused(demo_cli(*NOTICE, "-f", "md", "-o", str(word)), NOT_MSTRACKS)
    refused(demo_cli("report", "weekly", "-f", "html", "-o", str(page)), NOT_MSTRACKS)
    assert (sha(word), sha(page)) == (words, seen)


def test_a_markdown_file_edited_after_the_mark_is_kept(demo_cli, tmp_path):
    """The office's notes written under a report mstrack wrote are the office's: the mark is no longer the last line."""
    target = tmp_path / "周报.md"
    assert demo_cli("report", "weekly", "-f", "md", "-o", str(target)).exit_code == 0
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\n## 会议意见\n\n交通局下周报数。\n")
    before = sha(target)
    refused(demo_cli("report", "weekly", "-f", "md", "-o", str(target)), NOT_MSTRACKS)
    assert sha(target) == before


def test_the_installed_command_keeps_a_units_word_return(demo_cli, tmp_path):
    target = tmp_path / "回复.docx"
    before = word_return(target)
    mstrack = Path(sys.executable).with_name("mstrack")
    env = {**os.environ, "HOME": str(tmp_path), "MSTRACK_LANG": "en"}
    done = subprocess.run([str(mstrack), "--db", str(demo_cli.db), *NOTICE, "-o", str(target)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 2, done.stderr
    assert NOT_MSTRACKS in done.stderr and "Traceback" not in done.stderr
    assert sha(target) == before
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.endswith(".part")) == []


# --- the -o look stops at the first decisive sheet and row; import progress lists a workbook's sheets once ---------

HEADER = ["序号", "任务名称", "指标", "截至日期", "数值", "备注"]


def monthly_return(path: Path, months: int = 6, rows: int = 3000) -> Path:
    """A unit's return of a sheet per month, each a progress table with its figures, written by openpyxl."""
    from openpyxl import Workbook

    workbook = Workbook()
    for month in range(1, months + 1):
        sheet = workbook.active if month == 1 else workbook.create_sheet()
        sheet.title = f"{month}月"
        sheet.append(HEADER)
        for row in range(rows):
            sheet.append([str(row + 1), f"任务{row}", "新建道路", "2023-06-30", row, f"第{row}条"])
    workbook.save(path)
    return path


def test_the_o_look_stops_at_the_first_sheet_holding_figures(tmp_path, monkeypatch):
    import mstrack.sources.progress_sheets as progress_sheets
    from mstrack.sources.forms import FIGURES, held

    looked = []
    real = progress_sheets._holds_table

    def holds_table(path, sheet, *args):
        looked.append(sheet)
        return real(path, sheet, *args)

    monkeypatch.setattr(progress_sheets, "_holds_table", holds_table)
    assert held(monthly_return(tmp_path / "r.xlsx", rows=50)) == FIGURES
    assert looked == ["1月"]


def test_the_o_look_parses_a_sheets_top_rows_not_the_whole_sheet(tmp_path, monkeypatch):
    """The header and a figure in the first rows decide: the stream stops there, a few kB of the sheet's XML parsed
    (it fed expat 1 MB pieces: a sheet of 3000 rows whole)."""
    import mstrack.sources.xlsx_stream as xlsx_stream
    from mstrack.sources.forms import FIGURES, held

    form = monthly_return(tmp_path / "r.xlsx", months=1, rows=3000)
    with zipfile.ZipFile(form) as archive:
        whole = archive.getinfo("xl/worksheets/sheet1.xml").file_size
    parsed = []
    real = xlsx_stream._parse

    class Counted:
        def __init__(self, handle):
            self.handle = handle

        def read(self, size=-1):
            piece = self.handle.read(size)
            parsed[-1] += len(piece)
            return piece

    def counting(handle, *handlers):
        parsed.append(0)
        return real(Counted(handle), *handlers)

    monkeypatch.setattr(xlsx_stream, "_parse", counting)
    assert held(form) == FIGURES
    assert whole > 200_000 and parsed and parsed[-1] < whole // 4, (parsed, whole)


def test_import_progress_lists_the_workbooks_sheets_once_when_none_holds_the_table(cli, tmp_path, sheet_listings):
    """A workbook with no header on any sheet: the sheet chooser listed its sheets, then the reader's error again."""
    from openpyxl import Workbook

    listed = sheet_listings
    workbook = Workbook()
    workbook.active.title = "说明"
    for line in ("填报说明", "请于月末前报送", "数值为累计数"):
        workbook.active.append([line])
    data = workbook.create_sheet("数据")
    for row in range(10):
        data.append([f"单位{row}", f"联系人{row}", row])
    book = tmp_path / "r.xlsx"
    workbook.save(book)
    assert cli("init").exit_code == 0
    result = cli("import", "progress", str(book), "-p", "x", "--as-of", "2023-07-01")
    refused(result, f"{book}: no header row found", "the workbook has the sheets 说明, 数据: name the one to read with --sheet")
    assert result.stderr.count("说明, 数据") == 1
    assert listed == ["r.xlsx"]


def test_notices_to_each_unit_write_none_when_one_file_there_is_kept(demo_cli, tmp_path):
    """--each-unit into a folder where one unit's file is the office's own: refused before the first notice is written
    (it wrote the notices before it, then stopped: half a batch)."""
    folder = tmp_path / "通知"
    each = ["report", "notice", "-p", "yantian-2023", "--each-unit", "--as-of", "2023-10-08", "-f", "md", "-o", str(folder)]
    assert demo_cli(*each).exit_code == 0
    first, *_, last = sorted(folder.iterdir())
    office_notes(last)
    before = {path.name: (path.stat().st_ino, sha(path)) for path in folder.iterdir()}
    refused(demo_cli(*each), f"--output {last}: {NOT_MSTRACKS}")
    assert {path.name: (path.stat().st_ino, sha(path)) for path in folder.iterdir()} == before
