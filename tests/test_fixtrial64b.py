"""trial64's findings 5-15: `report diff`'s words, a second programme's forms in one folder, the weekly report's
missing returns and rules, a numbered undo of another's batch, and the smaller ones."""

import json

from .conftest import BACKEND, done, plan_task, plan_tasks, refused, sha, write_plan


def _programme(cli, tmp_path, code: str, lead: str = "甲局", extra: str = "") -> None:
    body = plan_tasks(plan_task("1", "学位建设", lead, "学位", "个", 100, milestones=[("2023-06-30", 50)]),
                      plan_task("2", "床位建设", "乙局", "床位", "张", 40))
    done(cli("import", "plan", str(write_plan(tmp_path / f"{code}.toml", body, code=code, extra=extra))))


# --- 8: a second programme's forms into the folder of the first -------------------------------------------------------

def test_a_second_programmes_forms_never_replace_the_firsts_in_one_folder(cli, tmp_path):
    _programme(cli, tmp_path, "city-2023")
    _programme(cli, tmp_path, "dist-2023")
    folder = tmp_path / "forms"
    done(cli("export", "template", "city-2023", "--each-unit", "-o", str(folder), "--as-of", "2023-06-30"))
    before = {path.name: sha(path) for path in folder.iterdir()}
    assert sorted(before) == ["乙局.xlsx", "甲局.xlsx"]
    result = cli("export", "template", "dist-2023", "--each-unit", "-o", str(folder), "--as-of", "2023-06-30")
    refused(result, "is the form of city-2023, not of dist-2023", f"-o {folder / 'dist-2023'}")
    assert {path.name: sha(path) for path in folder.iterdir()} == before  # nothing replaced
    done(cli("export", "template", "dist-2023", "--each-unit", "-o", str(folder / "dist-2023"), "--as-of", "2023-06-30"))
    done(cli("export", "template", "city-2023", "--each-unit", "-o", str(folder), "--as-of", "2023-07-07"))  # its own
    assert {path.name for path in folder.iterdir()} == {"乙局.xlsx", "甲局.xlsx", "dist-2023"}
    assert {path.name: sha(path) for path in folder.iterdir() if path.is_file()} != before  # replaced: its own forms


# --- 13: who sent no return this week ---------------------------------------------------------------------------------

def test_the_weekly_report_names_the_offices_with_no_return_since_the_previous_report(cli, tmp_path):
    _programme(cli, tmp_path, "w-2023")
    done(cli("log", "w-2023/1", "10", "--as-of", "2023-04-07"))
    done(cli("log", "w-2023/2", "5", "--as-of", "2023-04-07"))
    done(cli("log", "w-2023/1", "12", "--as-of", "2023-04-14"))  # 甲局 reported this week, 乙局 did not
    shown = cli("report", "weekly", "--as-of", "2023-04-14", "-f", "json")
    done(shown)
    data = json.loads(shown.stdout)
    assert data["silent_units"] == [{"unit": "乙局", "place": "", "last_report": "2023-04-07"}]
    zh = cli("--lang", "zh", "report", "weekly", "--as-of", "2023-04-14", "-f", "md")
    done(zh)
    assert "本周未报送单位（2023-04-07以后无报送，1个）：乙局（最近报送 2023-04-07）" in zh.stdout
    for fmt in ("table", "csv", "html"):
        out = cli("report", "weekly", "--as-of", "2023-04-14", "-f", fmt)
        done(out)
        assert "No return since 2023-04-07 (1 unit): 乙局 (last 2023-04-07)" in out.stdout.replace("\n", " "), fmt
    one = cli("report", "weekly", "--as-of", "2023-04-14", "--unit", "甲局", "-f", "json")
    done(one)
    assert json.loads(one.stdout)["silent_units"] == []  # 甲局's own report: it has reported
    done(cli("log", "w-2023/2", "6", "--as-of", "2023-04-13"))
    again = cli("report", "weekly", "--as-of", "2023-04-14", "-f", "json")
    done(again)
    assert json.loads(again.stdout)["silent_units"] == []
    assert "No return" not in cli("report", "weekly", "--as-of", "2023-04-14").stdout


def test_a_weekly_report_frozen_with_a_silent_office_prints_it_again(cli, tmp_path):
    _programme(cli, tmp_path, "w-2023")
    done(cli("log", "w-2023/1", "10", "--as-of", "2023-04-07"))
    done(cli("report", "weekly", "--as-of", "2023-04-14", "--freeze", "-f", "json"))
    again = cli("report", "frozen", "1", "-f", "md")
    done(again)
    assert "No return since 2023-04-07 (2 units): 乙局 (none yet), 甲局 (last 2023-04-07)" in again.stdout


# --- 5, 6: `report diff` in the printout's words -----------------------------------------------------------------------

def test_report_diff_says_a_units_latest_report_in_its_columns_words_and_not_its_days_again(cli, tmp_path):
    _programme(cli, tmp_path, "d-2023")
    done(cli("log", "d-2023/1", "10", "--as-of", "2023-04-07"))
    done(cli("log", "d-2023/2", "5", "--as-of", "2023-04-07"))
    done(cli("--lang", "zh", "report", "weekly", "--as-of", "2023-04-14", "--freeze", "-f", "json"))
    done(cli("log", "d-2023/2", "6", "--as-of", "2023-04-14"))  # 乙局's return, late
    result = cli("--lang", "zh", "report", "diff", "1")
    assert result.exit_code == 1 and result.exception is not None
    assert "单位汇总 乙局：最近报送 2023-04-07 → 2023-04-14" in result.stdout
    assert "days since report" not in result.stdout and "last report" not in result.stdout
    assert "本周未报送单位 乙局：已不在报告中（原为 最近报送 2023-04-07）" in result.stdout
    paths = [change["path"] for change in json.loads(cli("report", "diff", "1", "-f", "json").stdout)["changes"]]
    assert "units[乙局].last_report" in paths and not any("days_since_report" in path for path in paths)


def test_report_diff_says_a_unit_renamed_by_a_plan_revision_as_renamed(cli, tmp_path):
    _programme(cli, tmp_path, "r-2023")
    done(cli("log", "r-2023/1", "10", "--as-of", "2023-04-07"))
    done(cli("--lang", "zh", "report", "weekly", "--as-of", "2023-04-14", "--freeze", "-f", "json"))
    _programme(cli, tmp_path, "r-2023", lead="甲和丁局")  # the plan revised: 甲局 renamed
    result = cli("--lang", "zh", "report", "diff", "1")
    assert result.exit_code == 1 and result.exception is not None
    assert "单位汇总 甲局：已不在报告中：已更名为 甲和丁局（原为 1项任务：0项滞后，1项序时推进）" in result.stdout \
        or "单位汇总 甲局：已不在报告中：已更名为 甲和丁局（原为 1项任务：" in result.stdout, result.stdout
    assert "单位汇总 甲和丁局：新增（由 甲局 更名）：1项任务：" in result.stdout
    assert "—" not in result.stdout.split("\n", 1)[1]


# --- 15: a numbered undo, a figure another batch corrected since -------------------------------------------------------

def test_a_numbered_undo_counts_apart_the_figures_another_batch_corrected_since(cli, tmp_path):
    _programme(cli, tmp_path, "u-2023")
    (tmp_path / "c2.csv").write_text("任务编号,指标,截至日期,数值\n1,学位,2023-05-30,13\n2,床位,2023-05-30,7\n",
                                     encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "c2.csv"), "-p", "u-2023", env={"LOGNAME": "yi", "USER": "yi"}))
    done(cli("log", "u-2023/1", "99", "--as-of", "2023-05-30", env={"LOGNAME": "bing", "USER": "bing"}))
    batches = json.loads(cli("batches", "-f", "json").stdout)
    imported, corrected = (next(b["id"] for b in batches if b["command"] == command) for command in ("import progress", "log"))
    result = cli("undo", str(imported), env={"LOGNAME": "jia", "USER": "jia"})
    done(result)
    assert f"1 report retracted, 1 more corrected since by batch {corrected} (" in result.stdout
    assert "that correction stands, 0 restored" in result.stdout
    if BACKEND == "sqlite":  # a server names its role, one for the three here
        assert f"batch {corrected} (bing)" in result.stdout
        assert f"batch {imported} (import progress by yi, " in result.stdout  # whose it was: named, as before
    standing = {ref: [row["value"] for row in json.loads(cli("history", ref, "-f", "json").stdout)
                      if row["state"] == "current"] for ref in ("u-2023/1", "u-2023/2")}
    assert standing == {"u-2023/1": [99], "u-2023/2": []}
    row = next(b for b in json.loads(cli("batches", "-f", "json").stdout) if b["id"] == imported)
    assert row["undone_by"] is not None and row["reports_added"] == 2  # the record as written: unchanged


# --- 9: a weekly report over programmes of different rules ------------------------------------------------------------

def test_a_weekly_report_over_programmes_of_different_rules_says_whose_is_which(cli, tmp_path):
    _programme(cli, tmp_path, "big-2023")
    _programme(cli, tmp_path, "dist-2023", extra='rule = "pro-rata"')
    data = json.loads(cli("report", "weekly", "--as-of", "2023-05-20", "-f", "json").stdout)
    assert data["pro_rata"] is None and data["rule"] is None  # never a false "step for all"
    assert data["programme_rules"] == {"big-2023": "step", "dist-2023": "pro-rata"}
    zh = cli("--lang", "zh", "report", "weekly", "--as-of", "2023-05-20", "-f", "md")
    done(zh)
    assert "dist-2023 按序时进度（pro-rata）计算，big-2023 按已过节点目标（step）计算" in zh.stdout
    one = json.loads(cli("report", "weekly", "--as-of", "2023-05-20", "-p", "dist-2023", "-f", "json").stdout)
    assert one["pro_rata"] is True and one["programme_rules"] == {"dist-2023": "pro-rata"}
    both = json.loads(cli("report", "weekly", "--as-of", "2023-05-20", "--rule", "step", "-f", "json").stdout)
    assert both["pro_rata"] is False and set(both["programme_rules"].values()) == {"step"}
    assert "pro-rata" not in cli("report", "weekly", "--as-of", "2023-05-20", "--rule", "step").stdout


# --- 12: a unit qualified by a programme whose name says no place ------------------------------------------------------

def test_a_unit_of_a_programme_whose_name_says_no_place_is_qualified_by_its_code(cli, tmp_path):
    _programme(cli, tmp_path, "qd-2023")
    path = tmp_path / "qd-2023.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('name = "x"', 'name = "2023年市办实事项目责任分工与实施计划一览表"'),
                    encoding="utf-8")
    done(cli("import", "plan", str(path)))
    _programme(cli, tmp_path, "qingdao-2023")
    path = tmp_path / "qingdao-2023.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('name = "x"', 'name = "2023年青岛市市办实事项目"'),
                    encoding="utf-8")
    done(cli("import", "plan", str(path)))
    rows = json.loads(cli("units", "--as-of", "2023-04-28", "-f", "json").stdout)
    assert sorted((row["unit"], row["place"]) for row in rows) == [
        ("乙局", "qd-2023"), ("乙局", "青岛市"), ("甲局", "qd-2023"), ("甲局", "青岛市")]
    shown = cli("--lang", "zh", "units", "--as-of", "2023-04-28", env={"COLUMNS": "80"})
    done(shown)
    assert "甲局（qd-2023）" in shown.stdout and "一览表" not in shown.stdout


# --- 11: a required option with a range, in Chinese --------------------------------------------------------------------

def test_a_required_option_with_a_range_says_required_in_chinese(cli):
    shown = cli("--lang", "zh", "import", "table", "--help", env={"COLUMNS": "160"})
    done(shown)
    assert "[1900<=x<=2200; 必填]" in shown.stdout and "required" not in shown.stdout


# --- 7: the Word notice's 所需进度, never broken inside its amount ------------------------------------------------------

def test_the_word_notices_pace_breaks_before_its_amount_never_inside_it(cli, tmp_path):
    import docx

    plan = write_plan(tmp_path / "n.toml", plan_tasks(plan_task(
        "1", "学位建设", "甲局", "学位", "个", 100, deadline="2023-12-31", milestones=[("2023-06-30", 50), ("2023-12-31", 100)])),
        code="n-2023")
    done(cli("import", "plan", str(plan)))
    done(cli("log", "n-2023/1", "10", "--as-of", "2023-07-07"))
    out = tmp_path / "甲局.docx"
    done(cli("--lang", "zh", "report", "notice", "--as-of", "2023-07-07", "--unit", "甲局", "-o", str(out)))
    table = docx.Document(str(out)).tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    pace = table.rows[1].cells[header.index("所需进度")]
    assert pace.text == "每天增加\n0.51个"  # a line break before the amount, the amount whole
    shown = cli("--lang", "zh", "report", "notice", "--as-of", "2023-07-07", "--unit", "甲局", "-f", "md")
    done(shown)
    assert "每天增加0.51个" in shown.stdout  # the page and Markdown wrap as they please: one line
