"""Issue 17 through the command line, on the seeds with progress logged here: the early warning and the
forecasts of status and show, the light board, the unit ranking, the 督办通知单 and the 一览表 as Word."""

import json
from datetime import date, timedelta

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm
from openpyxl import load_workbook

from tests.conftest import refused

HOUSING = "shenzhen-2023/5"
"""建设筹集保障性住房: 1万, 3万, 6万, 18.5万 by quarter; 供应分配保障性住房: 3500, 1.2万, 2.2万, 6.5万."""


def run_ok(cli, *args: str):
    result = cli("--lang", "zh", *args)
    assert result.exit_code == 0, (args, result.output)
    return result


@pytest.fixture
def housing(demo_cli):
    """Task 5 behind in March and April, caught up in May, on track at the end of June."""
    for value, as_of in (("5000", "2023-03-31"), ("8000", "2023-04-30"), ("12000", "2023-05-20"), ("31000", "2023-06-30")):
        run_ok(demo_cli, "log", HOUSING, value, "-i", "建设筹集", "--as-of", as_of)
    for value, as_of in (("4000", "2023-03-31"), ("12000", "2023-06-30")):
        run_ok(demo_cli, "log", HOUSING, value, "-i", "供应分配", "--as-of", as_of)
    return demo_cli


def status_json(cli, *args: str) -> list[dict]:
    return json.loads(run_ok(cli, "status", "-p", "shenzhen-2023", "--format", "json", *args).stdout)


# --- 2. early warning in status ----------------------------------------------------------------------


def test_status_warns_of_checkpoints_due_within_warn_days(housing):
    rows = {row["indicator"]: row for row in status_json(housing, "--as-of", "2023-06-20") if row["task"] == "5"}
    # 12,000 and 4,000 reported, 30,000 and 12,000 due on June 30: ten days ahead
    assert rows["建设筹集保障性住房"]["due_soon"] == "2023-06-30"
    assert rows["供应分配保障性住房"]["due_soon"] == "2023-06-30"
    rows = {row["indicator"]: row for row in status_json(housing, "--as-of", "2023-06-20", "--warn-days", "9")
            if row["task"] == "5"}
    assert rows["建设筹集保障性住房"]["due_soon"] is None
    rows = {row["indicator"]: row for row in status_json(housing, "--as-of", "2023-06-15") if row["task"] == "5"}
    assert rows["建设筹集保障性住房"]["due_soon"] == "2023-06-30"  # exactly 15 days
    rows = {row["indicator"]: row for row in status_json(housing, "--as-of", "2023-06-14") if row["task"] == "5"}
    assert rows["建设筹集保障性住房"]["due_soon"] is None


def test_status_only_due_soon_filters_and_the_table_marks_them(housing):
    everything = status_json(housing, "--as-of", "2023-06-20")
    warned = status_json(housing, "--as-of", "2023-06-20", "--only", "due_soon")
    assert warned and [row for row in everything if row["due_soon"]] == warned
    assert len(warned) < len(everything)
    table = run_ok(housing, "status", "-p", "shenzhen-2023", "--as-of", "2023-06-20", "--only", "due_soon").stdout
    assert table.count("·预警") == len(warned) and "（预警）" in table
    done = status_json(housing, "--as-of", "2023-07-01", "--only", "due_soon")
    assert all(row["task"] != "5" for row in done)  # 31,000 met June's 30,000 and September is far


# --- 3. forecasts ------------------------------------------------------------------------------------


def test_status_and_show_forecast_from_the_last_two_reports(housing):
    [row] = [row for row in status_json(housing, "--as-of", "2023-06-20") if row["indicator"] == "建设筹集保障性住房"]
    # 8,000 on April 30, 12,000 on May 20: 200 a day; 173,000 left over the 225 days to December 31
    expected = {"recent_pace": 200.0, "required_pace": round(173000 / 225, 4),
                "projected_done": (date(2023, 5, 20) + timedelta(days=865)).isoformat(), "on_course": False}
    assert row["forecast"] == expected
    shown = json.loads(run_ok(housing, "show", HOUSING, "--as-of", "2023-06-20", "--format", "json").stdout)
    assert shown["indicators"][0]["forecast"] == expected
    # 供应分配: one report by then: a required pace, no pace of its own, nothing projected
    assert shown["indicators"][1]["forecast"] == {"recent_pace": None, "required_pace": round(61000 / 275, 4),
                                                  "projected_done": None, "on_course": None}
    text = run_ok(housing, "show", HOUSING, "--as-of", "2023-06-20").stdout
    assert "预测：近两次报送每天增加200套（间）" in text and "晚于完成时限" in text
    assert "仅一次报送，不作预测" in text


def test_a_text_only_line_has_no_forecast(demo_cli):
    shown = json.loads(run_ok(demo_cli, "show", "shenzhen-2023/2", "--as-of", "2023-07-01", "--format", "json").stdout)
    assert shown["indicators"][0]["kind"] == "schedule" and shown["indicators"][0]["forecast"] is None


# --- 1. the light board ------------------------------------------------------------------------------


def lights_json(cli, *args: str) -> list[dict]:
    return json.loads(run_ok(cli, "lights", "-p", "shenzhen-2023", "--format", "json", *args).stdout)


def test_lights_red_twice_then_yellow_once_then_green(housing):
    tasks = {task["task"]: task for task in lights_json(housing, "--from", "2023-03", "--to", "2023-06", "--as-of", "2023-06-30")}
    task = tasks[HOUSING]
    assert [(p["period"], p["end"], p["light"]) for p in task["periods"]] == [
        ("2023-03", "2023-03-31", "red"), ("2023-04", "2023-04-30", "red"), ("2023-05", "2023-05-31", "yellow"),
        ("2023-06", "2023-06-30", "green")]
    assert task["periods"][0]["reason"] == "建设筹集保障性住房：进度滞后"
    assert task["periods"][3]["reason"] == "序时推进"
    assert task["periods"][2]["reason"] == "上期红灯，本期已赶上"
    assert task["consecutive_red"] == 0 and task["lead_units"] == ["市住房建设局"]
    assert task["title"].startswith("建设筹集保障性住房 18.5 万套")


def test_lights_min_red_is_the_escalation_list(housing):
    upto_april = lights_json(housing, "--to", "2023-04", "--as-of", "2023-06-30")
    assert {t["task"]: t["consecutive_red"] for t in upto_april}[HOUSING] == 2
    escalate = lights_json(housing, "--to", "2023-04", "--as-of", "2023-06-30", "--min-red", "2")
    assert HOUSING in {t["task"] for t in escalate}
    assert all(t["consecutive_red"] >= 2 for t in escalate) and len(escalate) < len(upto_april)
    assert HOUSING not in {t["task"] for t in lights_json(housing, "--to", "2023-04", "--as-of", "2023-06-30",
                                                          "--min-red", "3")}


def test_lights_by_quarter_and_the_as_of_caps_the_last(housing):
    [task] = [t for t in lights_json(housing, "--by", "quarter", "--as-of", "2023-05-20") if t["task"] == HOUSING]
    assert [(p["period"], p["end"], p["light"]) for p in task["periods"]] == [
        ("2023-Q1", "2023-03-31", "red"), ("2023-Q2", "2023-05-20", "yellow")]


def test_lights_a_unit_alone_and_every_format(housing, tmp_path):
    only = lights_json(housing, "-u", "市住房建设局", "--as-of", "2023-06-30")
    named = {f"{row['programme']}/{row['task']}" for row in status_json(housing, "-u", "市住房建设局", "--as-of", "2023-06-30")}
    assert HOUSING in named and {t["task"] for t in only} == named  # as status -u: lead or responsible
    table = run_ok(housing, "lights", "-p", "shenzhen-2023", "-u", "市住房建设局", "--as-of", "2023-06-30").stdout
    assert "亮灯表" in table and "红" in table and "黄" in table and "绿" in table  # words, not colours alone
    assert max(len(line) for line in table.splitlines()) <= 140
    csv = run_ok(housing, "lights", "-p", "shenzhen-2023", "--as-of", "2023-06-30", "-f", "csv").stdout
    assert csv.splitlines()[0].startswith("任务,工作任务,牵头单位,1,2,3,4,5,6,连续红灯")
    md = run_ok(housing, "lights", "-p", "shenzhen-2023", "--as-of", "2023-06-30", "-f", "md").stdout
    assert "| shenzhen-2023/5 |" in md and "| 红 | 红 | 黄 | 绿 |" in md


def test_lights_html_and_xlsx_keep_colours_and_a_word_per_cell(housing, tmp_path):
    page, book = tmp_path / "亮灯.html", tmp_path / "亮灯.xlsx"
    run_ok(housing, "lights", "-p", "shenzhen-2023", "--as-of", "2023-06-30", "-f", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert "size: A4 landscape" in html and "<thead>" in html
    assert '<td class="l-red" title="建设筹集保障性住房：进度滞后">红</td>' in html
    assert '<td class="l-yellow" title="上期红灯，本期已赶上">黄</td>' in html
    assert ".l-red { color: #9c0006; background: #ffc7ce" in html
    run_ok(housing, "lights", "-p", "shenzhen-2023", "--as-of", "2023-06-30", "-f", "xlsx", "-o", str(book))
    sheet = load_workbook(book).active
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"
    assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)
    [row] = [r for r in sheet.iter_rows(min_row=2) if r[0].value == HOUSING]
    cells = row[3:9]
    assert [c.value for c in cells] == ["无", "无", "红", "红", "黄", "绿"]
    assert [c.fill.fgColor.rgb[-6:] for c in cells[2:]] == ["FFC7CE", "FFC7CE", "FFEB9C", "C6EFCE"]


@pytest.mark.backend_independent
def test_lights_bad_input_is_refused(demo_cli, tmp_path):
    stderr = refused(demo_cli("lights", "-u", "市住建局"), "--unit '市住建局': no such unit", "市住房建设局")
    assert "市财政局" not in stderr  # close names, not every four-character one
    refused(demo_cli("lights", "--by", "week"), "--by 'week'", "month, quarter")
    refused(demo_cli("lights", "--from", "2023-13x"), "--from")
    refused(demo_cli("lights", "--from", "2023-06", "--to", "2023-03"), "--from 2023-06: after --to 2023-03")
    refused(demo_cli("lights", "-f", "xlsx"), "--output")
    refused(demo_cli("lights", "-p", "shenzhen"), "did you mean: shenzhen-2023")
    assert demo_cli("lights", "--warn-days", "-1").exit_code == 2


# --- 4. unit ranking ---------------------------------------------------------------------------------


def test_units_rank_by_on_time_rate_ties_sharing_a_rank(housing):
    rows = json.loads(run_ok(housing, "units", "-p", "shenzhen-2023", "--as-of", "2023-07-01", "--rank", "-f", "json").stdout)
    rated = [row for row in rows if row["on_time_rate"] is not None]
    assert len({row["on_time_rate"] for row in rated}) < len(rated)  # the seeds have ties
    for row in rows:
        due = row["tasks"] - row["not_due"]
        assert row["on_time_rate"] == (round(100 * (row["done"] + row["on_track"]) / due, 1) if due else None)
        if row["on_time_rate"] is None:
            assert row["rank"] is None
        else:
            assert row["rank"] == 1 + sum(1 for other in rated if other["on_time_rate"] > row["on_time_rate"])
    assert [row["rank"] for row in rated] == sorted(row["rank"] for row in rated)
    plain = json.loads(run_ok(housing, "units", "-p", "shenzhen-2023", "--as-of", "2023-07-01", "-f", "json").stdout)
    assert "rank" not in plain[0] and "on_time_rate" not in plain[0]
    table = run_ok(housing, "units", "-p", "shenzhen-2023", "--as-of", "2023-07-01", "--rank").stdout
    assert "名次" in table and "按时完成率" in table


# --- 5. 督办通知单 -------------------------------------------------------------------------------------


def docx_text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def assert_office_layout(document, *, landscape: bool) -> None:
    """A4 in the orientation asked, the header row repeated, a PAGE field in the footer, 仿宋 and 黑体 set."""
    section = document.sections[0]
    width, height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    assert abs(section.page_width - width) < Cm(0.05) and abs(section.page_height - height) < Cm(0.05)
    table = document.tables[0]
    first = table.rows[0]._tr.trPr
    assert first is not None and first.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
    footer = section.footer._element.xml
    assert "PAGE" in footer and "fldChar" in footer
    body = document.element.body.xml
    assert 'w:eastAsia="仿宋"' in body and 'w:eastAsia="黑体"' in body


def test_a_notice_to_one_unit_in_word(housing, tmp_path):
    path = tmp_path / "住建.docx"
    run_ok(housing, "report", "notice", "--as-of", "2023-07-01", "-u", "市住房建设局", "-p", "shenzhen-2023",
           "--reply-by", "2023-07-10", "-o", str(path))
    document = Document(str(path))
    assert_office_layout(document, landscape=False)
    text = docx_text(document)
    assert text.startswith("督办通知单") and "市住房建设局：" in text and "2023年7月10日前" in text
    table = document.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header == ["序号", "任务", "指标", "序时目标", "实际", "差距", "下一节点", "所需进度", "灯号"]
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    tasks = {row[1].split(" ")[0] for row in rows if row[1]}
    assert HOUSING not in tasks  # on track since June 30
    assert {"shenzhen-2023/6", "shenzhen-2023/7"} <= tasks  # nothing reported: red
    assert all(row[-1] in ("红", "黄") for row in rows)
    fill = table.rows[1].cells[-1]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
    assert fill == ("FFC7CE" if rows[0][-1] == "红" else "FFEB9C")


def test_a_notice_lists_expected_actual_gap_and_the_pace_needed(housing, tmp_path):
    path = tmp_path / "n.md"
    run_ok(housing, "report", "notice", "--as-of", "2023-05-01", "-u", "市住房建设局", "-p", "shenzhen-2023",
           "-f", "md", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    assert "2023年5月8日前" in text  # a week, when no --reply-by is given
    # 8,000 of the 10,000 due: 2,000 short; 177,000 more from April 30 to December 31 (245 days): 722.45 a day
    line = next(line for line in text.splitlines() if "| 建设筹集保障性住房 |" in line)
    assert "| 1万套（间） | 8000套（间） | −2000套（间） | 6月30日 | 每天增加722套（间） | 红 |" in line


def test_a_notice_to_each_unit_with_a_red_or_yellow_task(housing, tmp_path):
    folder = tmp_path / "通知"
    run_ok(housing, "report", "notice", "--as-of", "2023-10-08", "--each-unit", "-p", "yantian-2023", "-o", str(folder))
    lit = lights_json_of(housing, "yantian-2023", "2023-10-08")
    warned = {unit for task in lit if task["periods"][-1]["light"] in ("red", "yellow") for unit in task["lead_units"]}
    assert warned and {path.name for path in folder.iterdir()} == {f"{unit}.docx" for unit in warned}
    for path in folder.iterdir():
        document = Document(str(path))
        assert f"{path.stem}：" in docx_text(document) and len(document.tables[0].rows) > 1


def lights_json_of(cli, programme: str, on: str) -> list[dict]:
    return json.loads(run_ok(cli, "lights", "-p", programme, "--as-of", on, "-f", "json").stdout)


@pytest.mark.backend_independent
def test_notice_bad_input_is_refused(demo_cli, tmp_path):
    out = str(tmp_path / "n.docx")
    refused(demo_cli("report", "notice", "--as-of", "2023-07-01", "-o", out), "--unit or --each-unit")
    refused(demo_cli("report", "notice", "--as-of", "2023-07-01", "-u", "区工务署", "--each-unit", "-o", out), "--each-unit")
    refused(demo_cli("report", "notice", "--as-of", "7月32日", "-u", "区工务署", "-o", out), "--as-of")
    refused(demo_cli("report", "notice", "--as-of", "2023-07-01", "-u", "区工务署"), "--output")
    refused(demo_cli("report", "notice", "--as-of", "2023-07-01", "-u", "区公务署", "-o", out), "did you mean: 区工务署")
    refused(demo_cli("report", "notice", "--as-of", "2023-07-01", "-u", "区工务署", "-f", "pdf", "-o", out), "docx, html, md")
    refused(demo_cli("report", "notice", "--as-of", "2023-07-01", "-u", "区工务署", "--reply-by", "2023-06-01", "-o", out),
            "--reply-by 2023-06-01: before --as-of 2023-07-01")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    refused(demo_cli("report", "notice", "--as-of", "2023-07-01", "--each-unit", "-o", str(tmp_path / "file")), "directory")
    assert not (tmp_path / "n.docx").exists()


# --- 6. the 一览表 as Word ----------------------------------------------------------------------------


@pytest.mark.backend_independent
@pytest.mark.parametrize("kind", ["half-year", "annual"])
def test_the_table_report_in_word_has_the_html_columns_on_a4_landscape(demo_cli, tmp_path, kind):
    path = tmp_path / f"{kind}.docx"
    run_ok(demo_cli, "report", kind, "-p", "yantian-2023", "-f", "docx", "-o", str(path))
    document = Document(str(path))
    assert_office_layout(document, landscape=True)
    md = run_ok(demo_cli, "report", kind, "-p", "yantian-2023", "-f", "md").stdout
    md_header = next(line for line in md.splitlines() if line.startswith("| 项目名称"))
    table = document.tables[0]
    assert "| " + " | ".join(cell.text for cell in table.rows[0].cells) + " |" == md_header
    data = json.loads(run_ok(demo_cli, "report", kind, "-p", "yantian-2023", "-f", "json").stdout)
    assert len(table.rows) - 1 == data["summary"]["tasks"] == 19
    assert table.rows[1].cells[1].text.startswith("1.")
    assert docx_text(document).startswith(data["programme_name"])
    refused(demo_cli("report", kind, "-p", "yantian-2023", "-f", "docx"), "--output", ".docx")


# --- end to end --------------------------------------------------------------------------------------


def test_the_supervision_commands_as_a_user_types_them(tmp_path):
    """Through the installed executable, with NO_COLOR: the light board still says each light in a word,
    and the notices of every unit land in their folder."""
    import os
    import subprocess

    from rich.cells import cell_len

    from tests.test_end_to_end import mstrack_executable

    env = {**{k: v for k, v in os.environ.items() if k != "MSTRACK_DB"}, "NO_COLOR": "1", "COLUMNS": "80"}

    def run(*args: str) -> subprocess.CompletedProcess:
        done = subprocess.run([mstrack_executable(), "--db", str(tmp_path / "t.db"), "--lang", "zh", *args], cwd=tmp_path,
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        return done

    run("demo")
    run("log", HOUSING, "5000", "-i", "建设筹集", "--as-of", "2023-03-31")
    board = run("lights", "-p", "shenzhen-2023", "--as-of", "2023-04-30").stdout
    line = next(line for line in board.splitlines() if line.split()[:1] == ["5"])
    assert line.split()[-5:] == ["无", "无", "红", "红", "2"] and "\x1b[" not in board
    assert max(cell_len(line) for line in board.splitlines()) <= 80  # CJK characters are two cells
    run("report", "notice", "--as-of", "2023-04-30", "--each-unit", "-p", "shenzhen-2023", "-o", "督办")
    assert (tmp_path / "督办" / "市住房建设局.docx").is_file()
