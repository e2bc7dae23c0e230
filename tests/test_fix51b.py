"""Refusals trial51 found unclear (fix51b): a plan amendment under reports names the change and the way on (an
indicator renamed, a reported task removed, a text-only line given indicators), each line of a renumbering refusal
names one side; """

from .conftest import done, plan_task, plan_tasks, refused

HEAD = 'format = 1\n[programme]\ncode = "c-2025"\nname = "测试"\nyear = 2025\n'


def _plan(tmp_path, name: str, body: str) -> str:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return str(path)


def _text_only(code: str, title: str, lead: str) -> dict:
    return {"code": code, "title": title, "lines": [{"lead_units": [lead], "checkpoints": [
        {"due": "2025-06-30", "text": "制定方案"}, {"due": "2025-12-31", "text": "建成"}]}]}


HOUSING = plan_task("1", "筹集保障性住房", "市住建局", "保障房", "套", 1000)
BEDS = plan_task("2", "新增养老床位", "市民政局", "养老床位", "张", 300)


def _reported(cli, tmp_path):
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", plan_tasks(HOUSING, BEDS, _text_only("3", "养老服务", "市民政局")))))
    done(cli("log", "c-2025/1", "500", "--as-of", "2025-06-30"))
    done(cli("log", "c-2025/2", "100", "--as-of", "2025-06-30"))
    done(cli("log", "c-2025/3", "--done", "--as-of", "2025-06-30"))
    return cli.sql("SELECT count(*) FROM batch")


def test_a_reported_indicator_renamed_is_refused_naming_both_names_and_the_way_on(cli, tmp_path):
    before = _reported(cli, tmp_path)
    renamed = plan_task("1", "筹集保障性住房", "市住建局", "保租房", "套", 1000)
    stderr = refused(cli("import", "plan", _plan(tmp_path, "v2.toml", plan_tasks(renamed, BEDS, _text_only("3", "养老服务", "市民政局")))),
                     "c-2025/1 line 1 (市住建局) indicator '保障房': the new plan's line has no indicator '保障房' (it has "
                     "'保租房'; indicators match by name), and it has 1 report: keep name = '保障房'",
                     "or undo those reports, import, and log them again", "nothing was written")
    assert "has 1 report\n" not in stderr + "\n"
    assert cli.sql("SELECT count(*) FROM batch") == before
    assert cli.sql("SELECT name FROM indicator WHERE kind = 'quantity' ORDER BY id") == [("保障房",), ("养老床位",)]


def test_a_reported_task_removed_is_cancelled_keeping_its_reports(cli, tmp_path):
    """cancel57: this was refused ("the new plan has no task 2 … keep task 2 in the plan")."""
    before = _reported(cli, tmp_path)
    result = cli("import", "plan", _plan(tmp_path, "v2.toml", plan_tasks(HOUSING, _text_only("3", "养老服务", "市民政局"))))
    done(result)
    assert "task c-2025/2 cancelled (已取消)" in result.output and "0 removed" in result.output, result.output
    batch = before[0][0] + 1
    assert cli.sql("SELECT code, cancelled_by FROM task ORDER BY code") == [("1", None), ("2", batch), ("3", None)]
    assert cli.sql("SELECT count(*) FROM report AS r JOIN indicator AS i ON i.id = r.indicator_id"
                   " WHERE i.name = '养老床位'") == [(1,)]


def test_a_text_only_line_given_an_indicator_is_refused_naming_the_change_and_the_way_on(cli, tmp_path):
    before = _reported(cli, tmp_path)
    measured = _text_only("3", "养老服务", "市民政局")
    measured["lines"][0]["indicators"] = [{"name": "养老机构", "unit": "家", "target": 3}]
    stderr = refused(cli("import", "plan", _plan(tmp_path, "v2.toml", plan_tasks(HOUSING, BEDS, measured))),
                     "c-2025/3 line 1 (市民政局) indicator '进度安排': the new plan gives this text-only line the "
                     "indicator '养老机构' (its checkpoints marked met would go), and it has 1 report: keep the line "
                     "text-only and put '养老机构' on a line of its own")
    assert "nothing was written" in stderr
    assert cli.sql("SELECT count(*) FROM batch") == before
    # the way on the refusal gives: the text-only line kept, the indicator on a new line of the same lead unit
    measured["lines"] = [_text_only("3", "", "市民政局")["lines"][0],
                         {"lead_units": ["市民政局"], "indicators": [{"name": "养老机构", "unit": "家", "target": 3}]}]
    done(cli("import", "plan", _plan(tmp_path, "v3.toml", plan_tasks(HOUSING, BEDS, measured))))
    assert cli.sql("SELECT count(*) FROM report AS r JOIN indicator AS i ON i.id = r.indicator_id"
                   " WHERE i.name = '进度安排'") == [(1,)]


def test_a_renumbering_refusal_says_each_task_once_naming_each_side_by_its_own_lead_unit(cli, tmp_path):
    schools = plan_task("1", "新增学位", "市教育局", "学位", "个", 5000)
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", plan_tasks(schools))))
    done(cli("log", "c-2025/1", "2000", "--as-of", "2025-06-30"))
    inserted = plan_task("1", "背街小巷整治", "市城管局", "背街小巷", "条", 50)
    moved = plan_task("2", "新增中小学学位", "市教育局", "学位", "个", 5000)  # retitled too: no renumbering proved (fixplan57)
    stderr = refused(cli("import", "plan", _plan(tmp_path, "v2.toml", plan_tasks(inserted, moved))),
                     "c-2025/1: 1 report stands on '新增学位' (市教育局), and the new plan gives its code to '背街小巷整治' "
                     "(市城管局)", "nothing was written")
    # the task's line says it all: no line under it pairs the new plan's lead unit with the stored indicator
    assert "(市城管局) indicator '学位'" not in stderr and "indicator '学位'" not in stderr, stderr
    assert cli.sql("SELECT count(*) FROM batch") == [(2,)]


# --- a return's rows and headers ---------------------------------------------------------------------------------------

def _return(cli, tmp_path, header: str, *rows: str):
    done(cli("import", "plan", _plan(tmp_path, "v1.toml", plan_tasks(plan_task("1", "新增学位", "市教育局", "学位", "个", 5000)))))
    path = tmp_path / "报送.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_renamed_value_header_names_the_row_that_lacks_only_its_value_column(cli, tmp_path):
    path = _return(cli, tmp_path, "计划,任务编号,指标,截至日期,截至9月底累计完成数", "c-2025,1,学位,2025-09-30,2600")
    stderr = refused(cli("import", "progress", str(path)),
                     "row 1 has the other headers (计划、任务编号、指标、截至日期、截至9月底累计完成数) and lacks only a value "
                     "column: head that column with one of ")
    assert "数值" in stderr.split("lacks only")[1]
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    # a sheet with no header near at all still says only what it needs
    other = tmp_path / "无表头.csv"
    other.write_text("甲,乙\n1,2\n", encoding="utf-8")
    assert "lacks only" not in refused(cli("import", "progress", str(other)))


def test_an_excel_day_number_in_a_date_cell_names_the_date_it_stands_for(cli, tmp_path):
    path = _return(cli, tmp_path, "计划,任务编号,指标,截至日期,数值", "c-2025,1,学位,45930,2600")
    refused(cli("import", "progress", str(path)), f"{path}:2:截至日期: '45930' is not a date mstrack can read: it looks "
            "like Excel's day number for 2025-09-30", "write it as 2025-09-30")
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["计划", "任务编号", "指标", "截至日期", "数值"])
    workbook.active.append(["c-2025", 1, "学位", 45930, 2600])  # a General cell: the number Excel keeps for the date
    workbook.save(tmp_path / "报送.xlsx")
    refused(cli("import", "progress", str(tmp_path / "报送.xlsx")), "Excel's day number for 2025-09-30")
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]


def test_a_sub_item_row_without_a_task_number_is_said_to_be_one(cli, tmp_path):
    path = _return(cli, tmp_path, "计划,任务编号,指标,截至日期,数值", "c-2025,1,学位,2025-09-30,2600",
                   ",,其中：小学学位,2025-09-30,800")
    refused(cli("import", "progress", str(path)), f"{path}:3:任务编号: no task number in this row: '其中：小学学位' reads as "
            "a sub-item of the row above (it opens with 其中); give it the task number", "or drop the row")
    assert cli.sql("SELECT count(*) FROM report") == [(0,)]


def test_a_bare_undo_raced_by_another_writer_offers_the_batch_that_was_latest_when_it_started(cli, monkeypatch, tmp_path):
    """B logs (its batch), then runs `undo` while A logs: the refusal named A's batch alone, not B's own."""
    import time

    from mstrack.cli import process

    done(cli("import", "plan", _plan(tmp_path, "v1.toml", plan_tasks(HOUSING, BEDS))))
    done(cli("log", "c-2025/1", "500", "--as-of", "2025-06-30", "--by", "乙"))  # batch 2, B's
    monkeypatch.setattr(process, "RUN_STARTED", time.time())  # B's undo starts
    time.sleep(0.01)
    done(cli("log", "c-2025/2", "100", "--as-of", "2025-06-30", "--by", "甲"))  # batch 3, A's, meanwhile
    refused(cli("undo"), "batch 3 (log by ", "was written after this undo started: nothing was undone; the latest when it "
            "started was batch 2 (log by ", "to take that back, `mstrack undo 2`", "to take back the later one, `mstrack undo 3`")
    assert cli.sql("SELECT count(*) FROM batch") == [(3,)]
    assert cli.sql("SELECT count(*) FROM report_retraction") == [(0,)]
    done(cli("undo", "2"))  # the way on it gives
    assert cli.sql("SELECT count(*) FROM report_retraction") == [(1,)]


def test_the_installed_mstrack_says_a_sub_item_row_and_an_excel_day_number_in_chinese(tmp_path):
    """End to end: the installed command, a real SQLite file, --lang zh."""
    import subprocess

    from .test_terminal import mstrack_executable

    db = str(tmp_path / "t.db")
    plan = _plan(tmp_path, "v1.toml", plan_tasks(plan_task("1", "新增学位", "市教育局", "学位", "个", 5000)))
    assert subprocess.run([mstrack_executable(), "--db", db, "import", "plan", plan], capture_output=True,
                          timeout=120).returncode == 0
    path = tmp_path / "报送.csv"
    path.write_text("计划,任务编号,指标,截至日期,数值\nc-2025,1,学位,45930,2600\n,,其中：小学学位,2025-09-30,800\n",
                    encoding="utf-8")
    run = subprocess.run([mstrack_executable(), "--lang", "zh", "--db", db, "import", "progress", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert f"{path}:2:截至日期：'45930' 不是 mstrack 能识别的日期：它像是 Excel 中 2025-09-30 的日期序号" in run.stderr
    assert f"{path}:3:任务编号：本行没有任务编号：'其中：小学学位' 读作上一行的分项（以“其中”开头）" in run.stderr
    assert "没有写入任何数据" in run.stderr
