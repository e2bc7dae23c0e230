"""trial57: the weekly meeting and the command line. F5: a unit's form asks only for the figures it owes (the tasks it
leads), the rows it only helps with said and left off; F9: `export template --each-unit -o DIR`."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from .conftest import done, plan_task, plan_tasks, refused, reports_stored, write_plan


def shared(tmp_path: Path) -> str:
    """Task 1 led by 甲局 with 乙局 helping; task 2 led by 乙局; task 3 led by a class of offices with two districts."""
    return str(write_plan(tmp_path / "s.toml", plan_tasks(
        plan_task("1", "学位", "甲局", "学位", "个", 100, units=["甲局", "乙局"]),
        plan_task("2", "床位", "乙局", "床位", "张", 50),
        plan_task("3", "公园", "各区人民政府", "公园", "个", 10, units=["福田区", "南山区"]),
    )))


def form_rows(path: Path) -> list[tuple[str, str]]:
    """(任务编号, 指标) of each row under the form's header."""
    sheet = openpyxl.load_workbook(path).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    top = next(i for i, row in enumerate(rows) if "任务编号" in row)
    task, name = rows[top].index("任务编号"), rows[top].index("指标")
    return [(str(row[task]), row[name]) for row in rows[top + 1:] if row[task] is not None]


def fill(path: Path, figures: dict[str, int], out: Path) -> Path:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    rows = list(sheet.iter_rows())
    top = next(i for i, row in enumerate(rows) if any(cell.value == "任务编号" for cell in row))
    header = [cell.value for cell in rows[top]]
    for row in rows[top + 1:]:
        name = row[header.index("指标")].value
        if name in figures:
            row[header.index("数值")].value = figures[name]
    workbook.save(out)
    return out


def test_a_units_form_holds_the_tasks_it_leads_and_says_the_ones_it_only_helps_with(cli, tmp_path):
    done(cli("import", "plan", shared(tmp_path)))
    result = cli("export", "template", "x-2023", "--unit", "乙局", "-o", str(tmp_path / "乙.xlsx"), "--as-of", "2023-06-30")
    done(result)
    assert form_rows(tmp_path / "乙.xlsx") == [("2", "床位")]
    assert "乙局: 1 indicator of tasks it only helps with (责任单位) left off its form: 甲局 reports it" in result.stderr
    done(cli("export", "template", "x-2023", "--unit", "甲局", "-o", str(tmp_path / "甲.xlsx"), "--as-of", "2023-06-30"))
    assert form_rows(tmp_path / "甲.xlsx") == [("1", "学位")]
    # a class of offices leads task 3: each district's own form still has it (its own part, as before)
    done(cli("export", "template", "x-2023", "--unit", "福田区", "-o", str(tmp_path / "福.xlsx"), "--as-of", "2023-06-30"))
    assert form_rows(tmp_path / "福.xlsx") == [("3", "公园")]


def test_every_units_form_filled_in_whole_imports_in_one_run(cli, tmp_path):
    """Before: 乙局's form asked for 学位 too, each unit filled every row, and the week's import was refused whole."""
    done(cli("import", "plan", shared(tmp_path)))
    returns = []
    for unit, figures in (("甲局", {"学位": 60}), ("乙局", {"学位": 55, "床位": 20})):
        blank = tmp_path / f"{unit}.xlsx"
        done(cli("export", "template", "x-2023", "--unit", unit, "-o", str(blank), "--as-of", "2023-06-30"))
        returns.append(str(fill(blank, figures, tmp_path / f"ret_{unit}.xlsx")))
    done(cli("import", "progress", *returns))
    assert reports_stored(cli) == [("学位", "2023-06-30", 60), ("床位", "2023-06-30", 20)]


def test_a_unit_that_leads_nothing_is_refused_naming_who_reports(cli, tmp_path):
    plan = write_plan(tmp_path / "h.toml", plan_tasks(plan_task("1", "学位", "甲局", "学位", "个", 100, units=["甲局", "丙局"])))
    done(cli("import", "plan", str(plan)))
    out = tmp_path / "丙.xlsx"
    refused(cli("export", "template", "x-2023", "--unit", "丙局", "-o", str(out)), "丙局", "leads no task", "甲局")
    assert not out.exists()


def test_each_unit_writes_one_form_per_unit_that_owes_figures(cli, tmp_path):
    done(cli("import", "plan", shared(tmp_path)))
    folder = tmp_path / "发出"
    result = cli("export", "template", "x-2023", "--each-unit", "-o", str(folder), "--as-of", "2023-06-30")
    done(result)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["甲局.xlsx", "乙局.xlsx", "各区人民政府.xlsx", "福田区.xlsx", "南山区.xlsx"])
    assert form_rows(folder / "乙局.xlsx") == [("2", "床位")]
    assert openpyxl.load_workbook(folder / "乙局.xlsx").active["A1"].value == "填报单位：乙局"
    assert f"5 forms written to {folder}, one for each lead unit" in result.stderr
    assert result.stderr.count("\n") == 1  # one line, never one per form


def test_each_unit_is_refused_with_unit_or_onto_a_file(cli, tmp_path):
    done(cli("import", "plan", shared(tmp_path)))
    refused(cli("export", "template", "x-2023", "--each-unit", "--unit", "甲局", "-o", str(tmp_path / "d")), "--each-unit")
    (tmp_path / "f.xlsx").write_text("x")
    refused(cli("export", "template", "x-2023", "--each-unit", "-o", str(tmp_path / "f.xlsx")), "a directory")
    assert not (tmp_path / "d").exists()


# F10 -----------------------------------------------------------------------------------------------------------------

def test_a_return_without_a_programme_column_names_the_code_to_give(cli, tmp_path):
    done(cli("import", "plan", shared(tmp_path)))
    sheet = tmp_path / "np.csv"
    sheet.write_text("任务编号,截至日期,数值\n2,2023-06-30,3\n", encoding="utf-8")
    refused(cli("import", "progress", str(sheet), "--dry-run"), "no programme column (计划) and no --programme",
            "the store holds one programme: give --programme x-2023")
    done(cli("import", "progress", str(sheet), "--programme", "x-2023"))
    assert reports_stored(cli) == [("床位", "2023-06-30", 3)]
    done(cli("import", "plan", str(write_plan(tmp_path / "y.toml", plan_tasks(plan_task("1", "t", "甲局", "n", "个", 1)),
                                              code="y-2023"))))
    refused(cli("import", "progress", str(sheet)), "give --programme CODE, one of x-2023, y-2023")


# F2 ------------------------------------------------------------------------------------------------------------------

def test_a_blank_or_empty_mstrack_db_is_refused_naming_it(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from mstrack.cli import app

    monkeypatch.chdir(tmp_path)
    for value in (" ", ""):
        result = CliRunner().invoke(app, ["--lang", "en", "init"], env={"MSTRACK_DB": value})
        assert result.exit_code == 2 and "MSTRACK_DB: empty" in result.output, result.output
    assert list(tmp_path.iterdir()) == []  # no store named " " made


def test_the_stores_messages_name_mstrack_db_when_it_named_the_store(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from mstrack.cli import app

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["--lang", "en", "status"], env={"MSTRACK_DB": "x.db"})
    assert result.exit_code == 2 and "MSTRACK_DB sqlite:///x.db: no mstrack data here yet" in result.output, result.output
    result = CliRunner().invoke(app, ["--lang", "en", "--db", "x.db", "status"], env={"MSTRACK_DB": "y.db"})
    assert result.exit_code == 2 and "--db sqlite:///x.db: no mstrack data here yet" in result.output, result.output


# F8 ------------------------------------------------------------------------------------------------------------------

def test_units_silent_since_lists_who_has_not_reported_since_a_day_late_or_not(cli, tmp_path):
    done(cli("import", "plan", shared(tmp_path)))
    done(cli("log", "x-2023/1", "30", "--as-of", "2023-06-05"))   # 甲局: last Monday's week and before
    done(cli("log", "x-2023/2", "20", "--as-of", "2023-06-20"))   # 乙局: this week
    import json

    result = cli("units", "-p", "x-2023", "--as-of", "2023-06-21", "--silent-since", "2023-06-19", "-f", "json")
    done(result)
    silent = {unit["unit"]: (unit["last_report"], unit["days_since_report"]) for unit in json.loads(result.stdout)}
    assert silent == {"各区人民政府": (None, None), "甲局": ("2023-06-05", 16)}
    table = cli("--lang", "zh", "units", "-p", "x-2023", "--as-of", "2023-06-21", "--silent-since", "2023-06-19")
    done(table)
    assert "最近报送" in table.stdout and "2023-06-05（16天前）" in table.stdout and "从未报送" in table.stdout
    assert "乙局" not in table.stdout
    every = cli("units", "-p", "x-2023", "--as-of", "2023-06-21", "--silent-since", "2023-06-01", "-f", "json")
    done(every)
    assert [unit["unit"] for unit in json.loads(every.stdout)] == ["各区人民政府"]
    plain = cli("units", "-p", "x-2023", "--as-of", "2023-06-21", "-f", "json")  # every unit, the two keys added
    assert {unit["unit"]: unit["last_report"] for unit in json.loads(plain.stdout)} == {
        "甲局": "2023-06-05", "乙局": "2023-06-20", "各区人民政府": None}
    refused(cli("units", "--silent-since", "2023-06-19", "--rank"), "--rank")


# F11 -----------------------------------------------------------------------------------------------------------------

def test_the_weekly_behind_list_at_80_columns_keeps_the_lead_unit_says_what_is_left_out_first_and_is_cut(cli, tmp_path):
    tasks = [plan_task(str(n), f"任务{n}", f"第{n}局", f"指标{n}", "个", 100, deadline="2023-03-31",
                       milestones=[("2023-03-31", 100)], reports=[("2023-02-28", 10 + n)]) for n in range(1, 36)]
    done(cli("import", "plan", str(write_plan(tmp_path / "many.toml", plan_tasks(*tasks)))))
    result = cli("--lang", "zh", "report", "weekly", "--as-of", "2023-06-30", env={"COLUMNS": "80"})
    done(result)
    lines = result.stdout.splitlines()
    behind = lines.index(next(line for line in lines if line.startswith("滞后事项")))
    header = next(i for i in range(behind, len(lines)) if lines[i].lstrip().startswith("任务"))
    assert "牵头单位" in lines[header], lines[header]
    said = [line for line in lines[behind:header] if line.startswith("此宽度下未显示")]  # before the rows, not after
    assert said and "牵头单位" not in " ".join(lines[behind:header])
    assert sum(1 for line in lines if "逾期" in line and "第" in line) == 30
    assert any("及其余5项" in line for line in lines), result.stdout


def test_notice_each_unit_silent_since_reminds_silent_units_that_are_not_late(cli, tmp_path):
    """Before: `report notice --each-unit` wrote notices only to units with red or yellow tasks; no 催报."""
    tasks = [plan_task("1", "学位", "甲局", "学位", "个", 100, deadline="2023-12-31", milestones=[("2023-12-31", 100)]),
             plan_task("2", "床位", "乙局", "床位", "张", 50, deadline="2023-12-31", milestones=[("2023-12-31", 50)])]
    done(cli("import", "plan", str(write_plan(tmp_path / "quiet.toml", plan_tasks(*tasks)))))
    done(cli("log", "x-2023/1", "30", "--as-of", "2023-06-05"))
    done(cli("log", "x-2023/2", "20", "--as-of", "2023-06-20"))
    folder = tmp_path / "督办"
    none = cli("report", "notice", "--as-of", "2023-06-21", "--each-unit", "-f", "md", "-o", str(folder))
    done(none)
    assert not folder.exists() or list(folder.iterdir()) == []  # nothing red or yellow: no notice
    result = cli("report", "notice", "--as-of", "2023-06-21", "--each-unit", "-f", "md", "-o", str(folder),
                 "--silent-since", "2023-06-19")
    done(result)
    assert sorted(path.name for path in folder.iterdir()) == ["甲局.md"]
    text = (folder / "甲局.md").read_text(encoding="utf-8")
    assert "You have reported no progress since 2023-06-19 (latest report: 2023-06-05); report by 2023-06-28." in text


def test_helped_puts_back_the_tasks_a_unit_only_helps_with(cli, tmp_path):
    done(cli("import", "plan", shared(tmp_path)))
    result = cli("export", "template", "x-2023", "--unit", "乙局", "--helped", "-o", str(tmp_path / "乙.xlsx"))
    done(result)
    assert form_rows(tmp_path / "乙.xlsx") == [("1", "学位"), ("2", "床位")] and "left off" not in result.stderr
    refused(cli("export", "template", "x-2023", "--helped", "-o", str(tmp_path / "all.xlsx")), "--helped", "--unit")
