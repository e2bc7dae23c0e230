"""fix49f: what a newcomer met at 80 columns and in the reports' words. `batches` keeps the file name that tells
which import to undo (cut in its middle), `status` the lead unit; a header never leaves a lone "%" on a line."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len

from mstrack.render.grid import Column, PlainTable

from .conftest import done, plan_task, plan_tasks, write_plan
from .test_ret48c import collective, csv_return

# --- N16: tables at 80 columns keep the column the step needs ---------------------------------------------------

NARROW = {"COLUMNS": "80"}


def test_batches_at_80_columns_keeps_the_source_cut_in_its_middle(cli, tmp_path):
    done(cli("import", "plan", collective(tmp_path)))
    done(cli("import", "progress", csv_return(tmp_path / "慈城鎮第27周报送进度表.csv", "300", "张三")))
    done(cli("import", "progress", csv_return(tmp_path / "慈城鎮第27周报送进度表-更正.csv", "400", "张三"),
             "--reason", "更正"))
    out = cli("batches", env=NARROW).stdout
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 80, out
    assert "Source" in lines[1], out
    said = out.split("Left out at this width")[1] if "Left out at this width" in out else ""
    assert "Source" not in said, out
    assert "慈城鎮第" in out and "更正.csv" in out and "…" in out, out  # its start and its end, around …
    rows = [line for line in lines if "import progress" in line]
    assert len(rows) == 2 and rows[0] != rows[1], out
    assert all(line.count("…") <= 1 for line in rows), out


def test_shorten_middle_keeps_the_start_and_the_end_within_the_width():
    from mstrack.render.grid import shorten_middle

    assert shorten_middle("a.xlsx", 10) == "a.xlsx"
    cut = shorten_middle("慈城鎮第27周报送-更正.xlsx", 18)
    assert cell_len(cut) <= 18 and cut.startswith("慈城鎮") and cut.endswith("正.xlsx") and "…" in cut


LEADS = plan_tasks(
    plan_task("1", "道路改造", "區新興產業服務中心", "进度安排", "项", 4, milestones=[("2023-06-30", 2)]),
    plan_task("2", "泵站改造", "區綜合行政執法局", "进度安排（區綜合行政執法局）", "项", 4, milestones=[("2023-06-30", 2)]),
    plan_task("3", "泵站改造", "慈城鎮", "道、觀莊下穿泵站改造", "座", 4, milestones=[("2023-06-30", 2)],
              reports=[("2023-06-01", 1)]))


def test_status_at_80_columns_keeps_the_lead_unit(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", LEADS))))
    out = cli("status", "--as-of", "2023-08-07", env=NARROW).stdout
    assert max(cell_len(line) for line in out.splitlines()) <= 80, out
    assert "Lead unit" in out.splitlines()[1], out
    assert "區綜合行政執法局" in out.replace(" ", ""), out
    said = out.split("Left out at this width")[1] if "Left out at this width" in out else ""
    assert "Lead unit" not in said, out


@pytest.mark.parametrize("width", [20, 30])
def test_a_header_never_leaves_a_lone_sign_on_a_line(width):
    table = PlainTable([Column("Indicator", fold=True), Column("Done %", justify="right")])
    table.add_row("一个很长很长很长很长的指标名称", "75%")
    header = table.text(width).splitlines()[0]
    assert "Done %" in header, table.text(width)


# --- N12: `report diff` says a change in the printout's words, in the run's language ------------------------------


def frozen_then_corrected(cli, tmp_path) -> None:
    plan = plan_tasks(plan_task("2", "泵站改造", "慈城鎮", "道、觀莊下穿泵站改造", "座", 4))
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", plan))))
    done(cli("log", "x-2023/2", "2", "--as-of", "2023-07-07", "--note", "2座泵站完工", "--by", "李四"))
    done(cli("report", "weekly", "--as-of", "2023-07-07", "--format", "json", "--freeze"))
    done(cli("log", "x-2023/2", "3", "--as-of", "2023-07-07", "--note", "3座完工", "--by", "李四", "--reason", "更正"))


def test_report_diff_says_the_change_in_words_in_chinese(cli, tmp_path):
    frozen_then_corrected(cli, tmp_path)
    result = cli("--lang", "zh", "report", "diff")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert "（周报，" in lines[0], lines[0]
    assert "  单位汇总 慈城鎮：完成率 50% → 75%" in lines, result.stdout
    assert "  新报送 x-2023/2 道、觀莊下穿泵站改造（截至 2023-07-07）：数值 2座 → 3座" in lines, result.stdout
    assert "备注 “2座泵站完工” → “3座完工”" in result.stdout, result.stdout
    assert "completion_rate" not in result.stdout and "changes.reports[" not in result.stdout, result.stdout


def test_report_diff_says_the_change_in_words_in_english_and_json_keeps_the_paths(cli, tmp_path):
    frozen_then_corrected(cli, tmp_path)
    result = cli("--lang", "en", "report", "diff")
    assert result.exit_code == 1, result.output
    assert "(weekly report, " in result.stdout
    assert "  By lead unit · 慈城鎮: Done % 50% → 75%" in result.stdout.splitlines(), result.stdout
    assert "Value 2座 → 3座" in result.stdout and "units[" not in result.stdout, result.stdout
    paths = [c["path"] for c in json.loads(cli("report", "diff", "--format", "json").stdout)["changes"]]
    assert "units[慈城鎮].completion_rate" in paths, paths


# --- N17: one rule for a report's language ----------------------------------------------------------------------

PLAIN_LOCALE = {"MSTRACK_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


def test_every_report_is_chinese_under_a_plain_locale_and_english_when_asked(cli, tmp_path):
    from typer.testing import CliRunner

    from mstrack.cli import app

    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", LEADS))))
    runner, db = CliRunner(), ["--db", str(cli.db)]
    weekly = runner.invoke(app, [*db, "report", "weekly", "--as-of", "2023-07-07", "-f", "md"], env=PLAIN_LOCALE)
    half = runner.invoke(app, [*db, "report", "half-year", "-p", "x-2023", "--as-of", "2023-07-07", "-f", "md"],
                         env=PLAIN_LOCALE)
    assert weekly.exit_code == 0 and half.exit_code == 0, weekly.output + half.output
    assert weekly.stdout.startswith("# 民生实事进度周报"), weekly.stdout
    assert "一览表" in half.stdout.splitlines()[0], half.stdout
    english = runner.invoke(app, [*db, "--lang", "en", "report", "weekly", "--as-of", "2023-07-07", "-f", "md"],
                            env=PLAIN_LOCALE)
    assert english.stdout.startswith("# Livelihood projects: weekly report"), english.stdout
    status = runner.invoke(app, [*db, "status", "--as-of", "2023-07-07"], env=PLAIN_LOCALE)
    assert "Lead unit" in status.stdout, status.stdout  # a view, not a report: the locale's


def test_a_table_report_of_a_plan_without_projects_says_no_zero_projects(cli, tmp_path):
    done(cli("import", "plan", str(write_plan(tmp_path / "x.toml", LEADS))))
    zh = cli("--lang", "zh", "report", "half-year", "-p", "x-2023", "--as-of", "2023-07-07", "-f", "json")
    text = json.loads(zh.stdout)["summary"]["text"][0]
    assert text.startswith("共3项具体任务：") and "0个项目" not in text, text
    en = json.loads(cli("report", "half-year", "-p", "x-2023", "--as-of", "2023-07-07", "-f", "json").stdout)
    assert en["summary"]["text"][0].startswith("3 tasks: "), en["summary"]["text"]


@pytest.mark.parametrize("lang, said", [("en", "Red: periods red in a row up to the last"),
                                        ("zh", "连红：到最近一期为止连续红灯的期数")])
def test_the_lights_legend_says_what_the_red_column_counts(demo_cli, lang, said):
    out = demo_cli("--lang", lang, "lights", "-p", "shenzhen-2023", "--as-of", "2023-06-30", env=NARROW).stdout
    assert said.replace(" ", "") in "".join(out.split()), out
    md = demo_cli("--lang", lang, "lights", "-p", "shenzhen-2023", "--as-of", "2023-06-30", "-f", "md").stdout
    assert {"en": "Red in a row: periods red", "zh": "连续红灯：到最近一期"}[lang] in md, md


def test_a_number_typed_into_a_date_cell_is_refused_saying_what_it_was_read_as(cli, tmp_path):
    import openpyxl

    done(cli("import", "plan", collective(tmp_path)))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["填报单位：各区人民政府"], ["计划", "任务编号", "截至日期", "数值", "填报人"], ["x-2023", "1", 8.1, 300, "张三"]):
        sheet.append(row)
    sheet["C3"].number_format = "yyyy-mm-dd"
    workbook.save(tmp_path / "r.xlsx")
    result = cli("import", "progress", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 2, result.output
    assert "8.1 typed into a date cell, which Excel shows as 1900-01-08: type the date itself (as a date, or as text), " \
        "e.g. 2023-08-01 or 2023-08-10" in result.stderr, result.stderr  # views51: as typed, both readings
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]


# --- N14: a doubt's place: a column with no header named by its letter; a doubt said alike of many rows once -----

ANNOUNCED = ["县第十届人民代表大会第三次会议票决产生了2024年民生实事项目,现将结果公告如下:",
             "1.城区污水管网改造;", "2.乡镇卫生院提质建设;", "3. 农村公路安全生命防护工程;", "4.老旧小区改造。",
             "5.新建口袋公园;", "6.新增停车位;", "县第十届人民代表大会", "2024年1月20日"]


def test_a_list_without_a_header_row_is_said_once_with_its_rows_counted(tmp_path):
    from .conftest import import_table, write_table

    source = write_table(tmp_path / "a.csv", [[line] for line in ANNOUNCED])
    run, out = import_table(source)
    assert run.exit_code == 0, run.output
    said = [line for line in run.stderr.splitlines() if "no header row" in line]
    assert said == ["check: a.csv: rows 2, 3, 4 and 3 more: no header row: read as a list of tasks"], run.stderr
    assert out.read_text(encoding="utf-8").count("# check: no header row: read as a list of tasks") == 6


def test_a_doubt_in_a_column_with_no_header_names_its_letter(tmp_path):
    from .conftest import import_table, write_table

    rows = [["2024年主要预期目标分解表", ""], ["", "责任单位"], ["一、主要预期目标", ""],
            ["(一)地区生产总值增长7%以上", "区发展和改革局"], ["(二)规上工业增加值增长12%以上", "区科技和经信局"]]
    source = write_table(tmp_path / "a.xlsx", rows)
    run, _ = import_table(source)
    assert run.exit_code == 0, run.output
    assert "column ?" not in run.stderr, run.stderr
    assert "row 4, column A (no header): “地区生产总值增长”" in run.stderr, run.stderr


def test_a_returns_folder_gives_way_before_its_file_name_in_a_narrow_column():
    """A batch's source "folder/name" (two units' returns of one name, fix49e) keeps its file name whole and the
    folder's end before it; a name too long alone is cut in its middle without the folder (fix49e × fix49f)."""
    from mstrack.render.grid import shorten_middle

    assert shorten_middle("a/报送表.xlsx", 20) == "a/报送表.xlsx"
    assert shorten_middle("jiangbei-district/报送表.xlsx", 16) == "…ict/报送表.xlsx"  # a CJK character is two cells
    cut = shorten_middle("some-folder/慈城鎮第27周进度报送表-更正.xlsx", 18)
    assert cut.startswith("慈城鎮") and cut.endswith("正.xlsx") and "/" not in cut
