"""Inputs read by their content where one container holds two kinds (safe53, item 1): an .ods named .xlsx (both zips)
is read as the .ods it is, a Word 97 .doc named .xls (both OLE) or .doc is refused saying to save it as .docx, and a
misnamed file its reader refuses keeps the "its content is" line in the refusal."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from .conftest import done, refused, sha, word_document

HEADER = ["计划", "任务编号", "指标", "截至日期", "数值", "备注"]
ROW = ["shenzhen-2023", 5, "建设筹集保障性住房", "2023-06-30", 25000, "区报数"]
PLAN_ROWS = [["序号", "工作任务", "牵头单位", "完成时限"], ["1", "新建中小学校10所", "市教育局", "2024年12月底前"],
             ["2", "改造老旧小区30个", "市住房建设局", "2024年11月底前"]]
WORD_97 = "its content is a Word 97-2003 document (.doc), which mstrack does not read"


def _converted(folder: Path, source: Path, kind: str) -> Path:
    """SOURCE saved by LibreOffice as KIND (its own profile); skipped where it is not installed, failed in CI."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs LibreOffice (.ci/run)", pytrace=False)
        pytest.skip("LibreOffice is not installed (CI installs it)")
    profile = (folder / "profile").resolve().as_uri()
    subprocess.run([office, f"-env:UserInstallation={profile}", "--headless", "--convert-to", kind, "--outdir",
                    str(folder), str(source)], check=True, capture_output=True, timeout=180)
    return source.with_suffix(f".{kind}")


@pytest.fixture(scope="module")
def office_files(tmp_path_factory):
    """A return and a plan table saved as .ods, and a Word table saved as Word 97 (.doc), by LibreOffice."""
    folder = tmp_path_factory.mktemp("office")
    ret, plan = Workbook(), Workbook()
    for book, rows in ((ret, [HEADER, ROW]), (plan, PLAN_ROWS)):
        for row in rows:
            book.active.append(row)
    ret.save(folder / "return.xlsx")
    plan.save(folder / "plan.xlsx")
    document = word_document(folder / "分解表.docx", "2024年民生实事分解表", PLAN_ROWS, [])
    return {"return": _converted(folder, folder / "return.xlsx", "ods"), "plan": _converted(folder, folder / "plan.xlsx", "ods"),
            "doc": _converted(folder, document, "doc")}


def _named(source: Path, folder: Path, name: str) -> Path:
    path = folder / name
    shutil.copyfile(source, path)
    return path


def test_an_ods_return_named_xlsx_is_read_as_the_ods_it_is(demo_cli, office_files, tmp_path):
    path = _named(office_files["return"], tmp_path, "住建局.xlsx")
    before = demo_cli.sql("select count(*) from report")[0][0]
    result = demo_cli("import", "progress", str(path))
    done(result)
    assert f"{path}: its content is an OpenDocument workbook (.ods), not the .xlsx its name says" in result.stderr
    assert demo_cli.sql("select count(*) from report")[0][0] == before + 1
    assert demo_cli.sql("select value, note from report order by id desc limit 1") == [(25000, "区报数")]


def test_an_ods_table_named_xlsx_converts_as_the_ods_does(cli, office_files, tmp_path):
    path = _named(office_files["plan"], tmp_path, "plan.xlsx")
    result = cli("import", "table", str(path), "-p", "t-2024", "--year", "2024", "-o", str(tmp_path / "a.toml"))
    done(result)
    assert "its content is an OpenDocument workbook (.ods)" in result.output
    done(cli("import", "table", str(office_files["plan"]), "-p", "t-2024", "--year", "2024", "-o", str(tmp_path / "b.toml")))
    written = (tmp_path / "a.toml").read_text(encoding="utf-8")
    assert written.count("[[tasks]]") == 2
    assert written.replace("plan.xlsx", "plan.ods") == (tmp_path / "b.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["分解表.xls", "分解表.doc", "分解表.xlsx"])
def test_a_word_97_document_is_refused_saying_to_save_it_as_docx(cli, demo_cli, office_files, tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    path = _named(office_files["doc"], folder, name)
    output = folder / "plan.toml"
    refused(cli("import", "table", str(path), "-p", "t-2024", "--year", "2024", "-o", str(output)),
            f"{path}: {WORD_97}", "save it as .docx")
    assert not output.exists() and sorted(p.name for p in folder.iterdir()) == [name]
    before = demo_cli.sql("select count(*) from report"), demo_cli.sql("select count(*) from batch")
    refused(demo_cli("import", "progress", str(path)), f"{path}: {WORD_97}")
    said = refused(demo_cli("import", "plan", str(path)), f"{path}: a plan is a .toml file, and this is a Word 97-2003 "
                   "document (.doc)", "save it as .docx", "then use `mstrack import table` on the .docx")
    assert "then give the .docx" not in said  # `import plan` of the .docx is refused too (review53 F5)
    said = refused(demo_cli("--lang", "zh", "import", "plan", str(path)), "Word 97-2003 文档（.doc）", "另存为 .docx",
                   "再用 `mstrack import table` 导入该 .docx")
    assert (demo_cli.sql("select count(*) from report"), demo_cli.sql("select count(*) from batch")) == before


def test_the_installed_command_refuses_a_word_97_document_in_chinese(office_files, tmp_path):
    path = _named(office_files["doc"], tmp_path, "分解表.xls")
    done_ = subprocess.run([sys.executable, "-m", "mstrack", "--lang", "zh", "import", "table", str(path), "-p", "t-2024",
                            "--year", "2024", "-o", str(tmp_path / "plan.toml")], capture_output=True, text=True, timeout=120)
    assert done_.returncode == 2, done_.stderr
    assert "文件内容是 Word 97-2003 文档（.doc）" in done_.stderr and "另存为 .docx" in done_.stderr
    assert "Traceback" not in done_.stderr and not (tmp_path / "plan.toml").exists()


def test_a_misnamed_file_its_reader_refuses_keeps_what_it_was_read_as(cli, tmp_path):
    path = tmp_path / "坏.xls"
    with zipfile.ZipFile(path, "w") as archive:  # a workbook's part, damaged
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook")
    before = sha(path)
    said = refused(cli("import", "table", str(path), "-p", "t-2024", "--year", "2024", "-o", str(tmp_path / "p.toml")),
                   f"{path}: not a readable .xlsx file",
                   f"{path}: its content is an Excel workbook (.xlsx), not the .xls its name says")
    assert said.index("not a readable") < said.index("its content is")
    assert sha(path) == before and not (tmp_path / "p.toml").exists()


def test_forms_and_readers_share_one_look_at_a_zips_parts(tmp_path):
    from mstrack.sources import files, forms

    assert not hasattr(forms, "_zipped_kind")
    document = word_document(tmp_path / "a.docx", "t", [["a", "b"]], [])
    assert files.zipped_kind(document) == ".docx" and forms.form_suffix(_named(document, tmp_path, "ret")) is None


@pytest.mark.parametrize("name", ["回复.csv", "回复.xlsx"])
def test_a_word_97_document_under_a_sheets_name_is_kept_by_o_as_an_old_office_file(demo_cli, office_files, tmp_path, name):
    target = _named(office_files["doc"], tmp_path, name)
    before = sha(target)
    said = refused(demo_cli("units", "--as-of", "2023-07-01", "-o", str(target)), f"--output {target}: the file is an old "
                   "Office file (an .xls workbook or .doc document under another name)")
    assert "save it as .docx" not in said and sha(target) == before
