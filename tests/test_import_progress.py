"""`import progress` and `export template` on real .xlsx/.csv files, as units send them."""

import json
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from mstrack.sources.progress import split_remark

from .conftest import Cli, refused

HEADER = ["计划", "任务编号", "指标", "截至日期", "数值", "备注", "填报人"]


def xlsx(path: Path, rows: list[list], title: str | None = None, merges=(), sheet: str | None = None) -> Path:
    workbook = Workbook()
    worksheet = workbook.active
    if sheet:
        worksheet.title = sheet
    if title:
        worksheet.append([title])
        worksheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
        worksheet.append([])
    for row in rows:
        worksheet.append(row)
    for cell_range in merges:
        worksheet.merge_cells(cell_range)
    workbook.save(path)
    return path


def reports(cli) -> list[tuple]:
    return [tuple(str(v) if hasattr(v, "isoformat") else v for v in row)
            for row in cli.sql("select indicator_id, as_of, value, note, reporter from report order by id")]


def status(cli: Cli, *args) -> dict:
    rows = json.loads(cli("status", "--format", "json", "--as-of", "2023-07-01", *args).stdout)
    return {(r["programme"], r["task"], r["indicator"]): r for r in rows}


def test_a_units_workbook_as_it_comes(demo_cli, tmp_path):
    path = xlsx(tmp_path / "报送.xlsx", [
        HEADER,
        ["shenzhen-2023", 5, "建设筹集保障性住房", datetime(2023, 6, 30), "2.5万", "区报数", "张三"],
        [None, None, "供应分配", datetime(2023, 6, 30), 13000, None, "张三"],  # merged cells above, a prefix
        [None, 28, None, "2023-06-30", "89000", None, None],  # a number stored as text, a text date
        [None, None, None, None, None, None, None],  # a blank row
        ["yantian-2023", 3, "整体形象进度", "2023.6.30", "80%(新区实验幼儿园进度滞后)", None, None],
        ["shenzhen-2023", 2, None, "6月30日", "已完成", "方案已印发", None],
    ], title="深圳市民生实事进度报送表（2023年6月）", merges=("A4:A6", "B4:B5"))
    result = demo_cli("import", "progress", str(path), "--by", "李四")
    assert result.exit_code == 0, result.output
    assert "4 new, 1 corrected" in result.stdout
    rows = status(demo_cli)
    housing = rows[("shenzhen-2023", "5", "建设筹集保障性住房")]
    assert (housing["actual"], housing["status"], housing["note"]) == (25000, "behind", "区报数")
    assert rows[("shenzhen-2023", "5", "供应分配保障性住房")]["actual"] == 13000
    assert rows[("shenzhen-2023", "28", "新增就业")]["actual"] == 89000
    yantian = rows[("yantian-2023", "3", "整体形象进度")]
    assert (yantian["actual"], yantian["note"]) == (80, "新区实验幼儿园进度滞后")  # a correction of the 65%
    assert rows[("shenzhen-2023", "2", "进度安排")]["actual"] == 2  # both checkpoints due by 6月30日
    reporters = {r[4] for r in reports(demo_cli) if r[4]}
    assert reporters == {"张三", "李四"}


def test_importing_twice_adds_nothing_and_a_changed_value_is_a_correction(demo_cli, tmp_path):
    rows = [HEADER, ["shenzhen-2023", "5", "建设筹集保障性住房", "2023-06-30", "2.5万", None, None]]
    path = xlsx(tmp_path / "a.xlsx", rows)
    assert "1 new" in demo_cli("import", "progress", str(path)).stdout
    before = reports(demo_cli)
    again = json.loads(demo_cli("import", "progress", str(path), "--format", "json").stdout)
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 1)
    assert reports(demo_cli) == before
    rows[1][4] = "2.8万"
    changed = json.loads(demo_cli("import", "progress", str(xlsx(tmp_path / "b.xlsx", rows)), "--format", "json").stdout)
    assert changed["updated"] == 1
    assert len(reports(demo_cli)) == len(before) + 1  # history kept
    assert status(demo_cli)[("shenzhen-2023", "5", "建设筹集保障性住房")]["actual"] == 28000  # latest wins


def test_csv_tsv_english_headers_gbk_and_bom(demo_cli, tmp_path):
    csv_path = tmp_path / "r.csv"
    csv_path.write_text("task,indicator,as_of,value,note\n5,建设,2023-06-30,\"25,000\",ok\n", encoding="utf-8-sig")
    assert demo_cli("import", "progress", str(csv_path), "-p", "shenzhen-2023").exit_code == 0
    tsv_path = tmp_path / "r.tsv"
    tsv_path.write_text("任务 编号\t指标\t截 至 日 期\tＶＡＬＵＥ\n5\t供应\t2023-06-30\t1.2万\n", encoding="utf-8")
    result = demo_cli("import", "progress", str(tsv_path), "-p", "shenzhen-2023")
    assert result.exit_code == 0, result.output
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("计划,序号,截至日期,完成值,备注\nshenzhen-2023,28,2023-06-30,8.9万,人社局报\n".encode("gbk"))
    result = demo_cli("import", "progress", str(gbk))
    assert result.exit_code == 0, result.output
    rows = status(demo_cli, "-p", "shenzhen-2023")
    assert rows[("shenzhen-2023", "5", "供应分配保障性住房")]["actual"] == 12000
    assert any(r["note"] == "人社局报" for r in rows.values())


def test_headers_in_traditional_characters(demo_cli, tmp_path):
    """Headers written in traditional characters (任務編號, 指標, 數值, 備註) are read as their simplified twins."""
    path = tmp_path / "traditional.csv"
    path.write_text("計劃,任務編號,指標,截至日期,數值,備註\nshenzhen-2023,5,供应,2023-06-30,1.3万,區報數\n", encoding="utf-8")
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 0, result.output
    rows = status(demo_cli, "-p", "shenzhen-2023")
    row = rows[("shenzhen-2023", "5", "供应分配保障性住房")]
    assert (row["actual"], row["note"]) == (13000, "區報數")


def test_indicator_names_and_scale_words_in_traditional_characters(demo_cli, tmp_path):
    """The indicator named in traditional characters (供應分配) is the plan's 供应分配保障性住房, and 1.4萬 is 14000."""
    path = tmp_path / "traditional-cells.csv"
    path.write_text("計劃,任務編號,指標,截至日期,數值\nshenzhen-2023,5,供應分配,2023-06-30,1.4萬\n", encoding="utf-8")
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 0, result.output
    assert status(demo_cli, "-p", "shenzhen-2023")[("shenzhen-2023", "5", "供应分配保障性住房")]["actual"] == 14000


def test_excel_percent_cells_and_dates(demo_cli, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["yantian-2023", 3, "整体形象进度", datetime(2023, 6, 30), 0.7, None, None])
    sheet["E2"].number_format = "0%"
    workbook.save(tmp_path / "pct.xlsx")
    assert demo_cli("import", "progress", str(tmp_path / "pct.xlsx")).exit_code == 0
    assert status(demo_cli)[("yantian-2023", "3", "整体形象进度")]["actual"] == 70


def test_every_bad_row_is_named_and_nothing_is_written(demo_cli, tmp_path):
    before = reports(demo_cli)
    path = xlsx(tmp_path / "bad.xlsx", [
        HEADER,
        ["shenzhen-2023", 5, "建设筹集保障性住房", "2023-06-30", "很多", None, None],
        ["shenzhen-2023", 99, None, "2023-06-30", "5", None, None],
        ["shenzhen-2023", 5, "病床", "2023-06-30", "5", None, None],
        ["shenzhen-2023", 5, "供应", "2021-06-30", "5", None, None],
        ["shenzhen-2023", 5, "供应", "2023-02-30", "5", None, None],
        ["beijing-2023", 1, None, "2023-06-30", "5", None, None],
        ["shenzhen-2023", 5, "供应", "2023-06-30", "65%", None, None],
        ["shenzhen-2023", 5, "建设", "2023-06-30", "-1", None, None],
        ["shenzhen-2023", 5, "建设", "2023-06-30", "1万", None, None],  # fine on its own
    ])
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(path))]
    assert [line.split(":")[1] for line in lines] == ["2", "3", "4", "5", "6", "7", "8", "9"]
    for words in (":2:数值:", ":3:任务编号:", ":4:指标:", ":5:截至日期:", ":6:截至日期:", ":7:计划:", ":8:数值:", ":9:数值:"):
        assert words in result.stderr, words
    refused(result, "nothing was written")
    assert reports(demo_cli) == before


def test_duplicate_rows_with_different_values_are_refused(demo_cli, tmp_path):
    path = xlsx(tmp_path / "dup.xlsx", [
        HEADER,
        ["shenzhen-2023", 5, "建设", "2023-06-30", "2.5万", None, None],
        ["shenzhen-2023", 5, "建设", "2023-06-30", "2.6万", None, None],
        ["shenzhen-2023", 5, "供应", "2023-06-30", "1万", None, None],
        ["shenzhen-2023", 5, "供应", "2023-06-30", "1万", None, None],
    ])
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 2
    assert f"{path}:3:" in result.stderr and f"{path}:2" in result.stderr and ":5:" not in result.stderr


def test_dry_run_and_json_write_nothing(demo_cli, tmp_path):
    before = reports(demo_cli)
    path = xlsx(tmp_path / "a.xlsx", [HEADER, ["shenzhen-2023", 5, "建设", "2023-06-30", "2.5万", None, None]])
    result = demo_cli("import", "progress", str(path), "--dry-run")
    assert result.exit_code == 0 and "1 report would be written" in result.stdout
    assert reports(demo_cli) == before
    bad = xlsx(tmp_path / "b.xlsx", [HEADER, ["shenzhen-2023", 5, "建设", "2023-06-30", "x", None, None]])
    result = demo_cli("import", "progress", str(bad), "--format", "json")
    assert result.exit_code == 2
    body = json.loads(result.stdout)
    assert body["inserted"] == 0 and len(body["errors"]) == 1 and "b.xlsx:2:数值" in body["errors"][0]


def test_a_falling_cumulative_value_is_accepted_with_a_warning(demo_cli, tmp_path):
    path = xlsx(tmp_path / "a.xlsx", [
        HEADER,
        ["shenzhen-2023", 5, "建设", "2023-06-30", "3万", None, None],
        ["shenzhen-2023", 5, "建设", "2023-07-31", "2.5万", None, None],
    ])
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 0
    assert "2.5万套（间） as of 2023-07-31 is lower than 3万套（间） as of 2023-06-30" in result.stderr


def test_a_sheet_by_name(demo_cli, tmp_path):
    path = xlsx(tmp_path / "s.xlsx", [HEADER, ["shenzhen-2023", 5, "建设", "2023-06-30", "1万", None, None]], sheet="六月")
    assert demo_cli("import", "progress", str(path), "--sheet", "六月").exit_code == 0
    result = demo_cli("import", "progress", str(path), "--sheet", "七月")
    assert result.exit_code == 2 and "六月" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.csv", b"", "empty"),
        ("binary.csv", bytes(range(256)) * 10, "not a text file"),
        ("truncated.xlsx", b"PK\x03\x04" + b"\x00" * 50, "not a readable .xlsx"),
        ("notes.xlsx", b"just some text", "its content is text (CSV), not the .xlsx its name says"),  # read as text
        ("old.xls", b"\xd0\xcf\x11\xe0", "not a readable .xls file"),
        ("damaged.ods", b"PK\x03\x04" + b"\x00" * 50, "not a readable .ods file"),
        ("data.json", b"{}", "unknown file type"),
        ("noheader.csv", "甲,乙,丙\n1,2,3\n".encode(), "no header row"),
        ("novalue.csv", "计划,任务编号,截至日期\nshenzhen-2023,5,2023-06-30\n".encode(), "no header row"),
        ("twovalues.csv", "任务编号,数值,完成值\n5,1,2\n".encode(), "2 columns mean value: B '数值', C '完成值'"),
        ("nodate.csv", "计划,任务编号,数值\nshenzhen-2023,5,1\n".encode(), "no date column"),
    ],
)
def test_broken_files_are_refused_clearly(demo_cli, tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    result = demo_cli("import", "progress", str(path), "-p", "shenzhen-2023")
    assert result.exit_code == 2
    refused(result, words, name)


def test_a_50_mb_file_of_junk_is_refused_without_reading_it_all(demo_cli, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        line = "这不是报送表," * 20 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line.encode()) + 1):
            handle.write(line)
    result = demo_cli("import", "progress", str(path), "-p", "shenzhen-2023")
    assert result.exit_code == 2 and "no header row" in result.stderr


@pytest.mark.parametrize(
    ("text", "value", "remark"),
    [("80%(新区实验幼儿园进度滞后)", "80%", "新区实验幼儿园进度滞后"), ("65%（4个已建成）", "65%", "4个已建成"),
     ("已完成", "已完成", None), ("3.2万", "3.2万", None), ("(注)", "(注)", None)],
)
def test_a_value_cell_may_carry_a_remark(text, value, remark):
    assert split_remark(text) == (value, remark)


def test_template_round_trip(demo_cli, tmp_path):
    path = tmp_path / "住建局.xlsx"
    result = demo_cli("export", "template", "shenzhen-2023", "-o", str(path), "--unit", "市住房建设局",
                      "--as-of", "2023-06-30")
    assert result.exit_code == 0, result.output
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet.cell(row=1, column=1).value == "填报单位：市住房建设局"  # a form for one unit says whose it is
    headers = [cell.value for cell in sheet[2]]
    assert headers[:4] == ["计划", "任务编号", "工作任务", "指标"] and "数值" in headers
    assert sheet.freeze_panes == "C3" and sheet.protection.sheet
    value_column = headers.index("数值") + 1
    assert sheet.cell(row=3, column=value_column).protection.locked is False
    assert sheet.cell(row=3, column=1).protection.locked is True
    assert sheet.column_dimensions["D"].width >= 18  # fits 建设筹集保障性住房
    rows = {(r[1], r[3]): i for i, r in enumerate(sheet.iter_rows(min_row=3, values_only=True), start=3)}
    assert ("5", "建设筹集保障性住房") in rows and ("6", "开工改造老旧小区") in rows
    target = sheet.cell(row=rows[("5", "建设筹集保障性住房")], column=headers.index("本期目标") + 1).value
    assert target.startswith("3万套（间）")
    sheet.cell(row=rows[("5", "建设筹集保障性住房")], column=value_column, value="2.9万")
    sheet.cell(row=rows[("6", "开工改造老旧小区")], column=value_column, value=52)
    workbook.save(path)
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 0, result.output
    assert "2 new" in result.stdout and "empty rows skipped" in result.stdout
    rows = status(demo_cli, "-p", "shenzhen-2023")
    assert rows[("shenzhen-2023", "5", "建设筹集保障性住房")]["actual"] == 29000
    assert rows[("shenzhen-2023", "6", "开工改造老旧小区")]["status"] == "on_track"


def test_template_needs_an_xlsx_name_and_a_known_unit(demo_cli, tmp_path):
    result = demo_cli("export", "template", "shenzhen-2023", "-o", str(tmp_path / "t.csv"))
    assert result.exit_code == 2 and ".xlsx" in result.stderr
    result = demo_cli("export", "template", "shenzhen-2023", "-o", str(tmp_path / "t.xlsx"), "--unit", "住建")
    assert result.exit_code == 2 and "did you mean" in result.stderr


def test_a_fall_is_measured_against_the_value_the_same_file_corrects(demo_cli, tmp_path):
    """A stored value the file itself corrects (same indicator and day) is not what a later row falls from:
    the file's own value for that day is."""
    first = xlsx(tmp_path / "a.xlsx", [HEADER, ["shenzhen-2023", 5, "建设", "2023-06-30", "3万", None, None]])
    assert demo_cli("import", "progress", str(first)).exit_code == 0
    path = xlsx(tmp_path / "b.xlsx", [
        HEADER,
        ["shenzhen-2023", 5, "建设", "2023-06-30", "2.9万", None, None],
        ["shenzhen-2023", 5, "建设", "2023-07-31", "2.8万", None, None],
    ])
    result = demo_cli("import", "progress", str(path), "--format", "json")
    assert result.exit_code == 0, result.stdout
    body = json.loads(result.stdout)
    assert body["updated"] == 1 and body["inserted"] == 1, body
    assert [warning.split(": ", 1)[1] for warning in body["warnings"]] == [
        "shenzhen-2023/5 建设筹集保障性住房 2.8万套（间） as of 2023-07-31 is lower than 2.9万套（间） as of 2023-06-30"]


def test_a_row_repeated_in_the_file_is_said_as_the_files_not_as_already_stored(demo_cli, tmp_path):
    """A row given twice in one file (same indicator, day, value) was never stored before: the count says it
    repeats an earlier row of the file and names both lines, and "already there" counts only stored reports."""
    row = ["shenzhen-2023", "5", "建设筹集保障性住房", "2023-06-30", "2.5万", None, None]
    path = tmp_path / "a.csv"
    path.write_text("\n".join(",".join(cell or "" for cell in r) for r in [HEADER, row, row]) + "\n", encoding="utf-8")
    before = len(reports(demo_cli))
    result = demo_cli("import", "progress", str(path))
    assert result.exit_code == 0 and result.exception is None, result.output
    assert "1 new, 0 corrected, 0 already there" in result.stdout, result.stdout
    assert f"1 row repeats an earlier row of the file (kept once): {path}:3 = {path}:2" in result.stdout, result.stdout
    assert len(reports(demo_cli)) == before + 1
    again = demo_cli("import", "progress", str(path), "--format", "json")
    assert again.exit_code == 0, again.output
    body = json.loads(again.stdout)
    assert (body["inserted"], body["unchanged"], body["repeated"]) == (0, 1, 1), body
    assert len(reports(demo_cli)) == before + 1
