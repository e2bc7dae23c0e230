"""`-o` judges the file there by what it holds where its name says a sheet (safe53, item 2): a unit's Word reply saved
under a .csv, .tsv or .xlsx name was replaced by a report (looked at as a CSV it was none; as an .xlsx its parts now
read as the Word file they are), and an OpenDocument return named .xlsx is kept as the figures it holds."""

import shutil
import subprocess
import sys

import pytest
from openpyxl import Workbook

from .conftest import refused, sha, word_document

UNMARKED = "the file was not written by mstrack (nothing in it says so"
FIGURES = "the file holds a unit's figures"


@pytest.mark.parametrize("name", ["回复.csv", "回复.tsv", "回复.xlsx", "回复.txt"])
def test_a_word_reply_under_a_sheets_name_is_never_replaced(demo_cli, tmp_path, name):
    reply = word_document(tmp_path / "回复.docx", "关于进度的回复", [["任务", "情况"], ["5", "已开工"]], ["住建局 2023年7月"])
    target = tmp_path / name
    shutil.copyfile(reply, target)
    before = sha(target)
    for command in (["units", "--as-of", "2023-07-01"], ["report", "weekly", "--as-of", "2023-07-01"]):
        if name.endswith(".tsv") or name.endswith(".txt"):
            command += ["-f", "csv"]
        said = refused(demo_cli(*command, "-o", str(target)), f"--output {target}: ")
        assert UNMARKED in " ".join(said.split()) or "not written by mstrack" in said, said
        assert sha(target) == before
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []


def test_a_return_saved_as_ods_under_an_xlsx_name_is_kept_as_figures(demo_cli, tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed (CI installs it)")
    book = Workbook()
    book.active.append(["计划", "任务编号", "指标", "截至日期", "数值", "备注"])
    book.active.append(["shenzhen-2023", 5, "建设筹集保障性住房", "2023-06-30", 25000, "区报数"])
    book.save(tmp_path / "ret.xlsx")
    subprocess.run([office, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "ods",
                    "--outdir", str(tmp_path / "ods"), str(tmp_path / "ret.xlsx")], check=True, capture_output=True, timeout=180)
    target = tmp_path / "住建局.xlsx"
    shutil.copyfile(tmp_path / "ods" / "ret.ods", target)
    before = sha(target)
    refused(demo_cli("units", "--as-of", "2023-07-01", "-o", str(target)), f"--output {target}: {FIGURES}")
    assert sha(target) == before


def test_the_installed_command_keeps_a_word_reply_saved_as_csv(demo_cli, tmp_path):
    target = tmp_path / "回复.csv"
    shutil.copyfile(word_document(tmp_path / "r.docx", "回复", [["a", "b"]], ["已办结"]), target)
    before = sha(target)
    run = subprocess.run([sys.executable, "-m", "mstrack", "--db", str(demo_cli.db), "--lang", "en", "units", "--as-of",
                          "2023-07-01", "-o", str(target)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert UNMARKED in " ".join(run.stderr.split()) and sha(target) == before



@pytest.mark.parametrize("spelling", ["same", "link"])
def test_import_table_o_onto_the_table_it_reads_says_so_and_keeps_it(cli, tmp_path, spelling):
    table = tmp_path / "分解表.csv"
    table.write_text("序号,工作任务,牵头单位,完成时限\n1,新建中小学校10所,市教育局,2024年12月底前\n", encoding="utf-8")
    output = table
    if spelling == "link":
        output = tmp_path / "plan.toml"
        output.symlink_to(table)
    before = sha(table)
    refused(cli("import", "table", str(table), "-p", "t-2024", "--year", "2024", "-o", str(output)),
            f"--output {output}: that is the table this command reads ({table}); nothing written",
            f"such as {tmp_path / '分解表.toml'}")
    assert sha(table) == before and not (tmp_path / "分解表.toml").exists()
