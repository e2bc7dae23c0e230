"""safety47 F4, F2, F12: a returned form says which unit it is from (export template --unit writes its 填报单位), and
which week (its 上次日期 older than the report a row would correct: last week's form filled in again); a January row
that lowers last year's year-end figure is refused as the next year's figure."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from .conftest import done, plan_task, plan_tasks, refused, write_plan


def districts(tmp_path: Path) -> str:
    task = plan_task("1", "新增学位", "各区人民政府", "学位", "个", 1000, units=["福田区", "南山区"])
    return str(write_plan(tmp_path / "d.toml", plan_tasks(task)))


def form(cli, tmp_path: Path, name: str, *options: str) -> Path:
    path = tmp_path / name
    done(cli("export", "template", "x-2023", "-o", str(path), *options))
    return path


def filled(source: Path, out: Path, values: dict[str, int], reporter: str | None = None) -> Path:
    """The form as a unit fills it in: its header found by its cells (wherever the form puts it), values by 指标."""
    workbook = openpyxl.load_workbook(source)
    sheet = workbook.active
    header = next(row for row in sheet.iter_rows(min_row=1, max_row=5) if any(c.value == "数值" for c in row))
    col = {cell.value: cell.column for cell in header}
    for r in range(header[0].row + 1, sheet.max_row + 1):
        sheet.cell(r, col["数值"]).value = values[sheet.cell(r, col["指标"]).value]
        if reporter:
            sheet.cell(r, col["填报人"]).value = reporter
    workbook.save(out)
    return out


def standing(cli) -> list[tuple]:
    return [(name, str(day), value) for name, day, value in cli.sql(
        "SELECT i.name, r.as_of, r.value FROM report r JOIN indicator i ON i.id = r.indicator_id"
        " WHERE r.id NOT IN (SELECT report_id FROM report_retraction) ORDER BY r.id")]


# F4 ------------------------------------------------------------------------------------------------------------------

def test_a_units_form_says_its_unit_above_the_header_locked(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    sheet = openpyxl.load_workbook(form(cli, tmp_path, "f.xlsx", "--unit", "福田区", "--as-of", "2023-06-30")).active
    assert sheet.cell(1, 1).value == "填报单位：福田区"
    assert sheet.cell(1, 1).protection.locked and sheet.protection.sheet
    assert [c.value for c in sheet[2]][:2] == ["计划", "任务编号"]
    assert sheet.freeze_panes == "C3" and sheet.print_title_rows == "$2:$2"
    no_unit = openpyxl.load_workbook(form(cli, tmp_path, "all.xlsx", "--as-of", "2023-06-30")).active
    assert no_unit.cell(1, 1).value == "计划"  # a form for every unit: as before


def test_two_districts_own_forms_do_not_replace_each_others_figure(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    futian = form(cli, tmp_path, "福田区.xlsx", "--unit", "福田区", "--as-of", "2023-06-30")
    nanshan = form(cli, tmp_path, "南山区.xlsx", "--unit", "南山区", "--as-of", "2023-06-30")
    done(cli("import", "progress", str(filled(futian, tmp_path / "f1.xlsx", {"学位": 300}, "张三"))))
    n1 = str(filled(nanshan, tmp_path / "n1.xlsx", {"学位": 200}, "李四"))
    refused(cli("import", "progress", n1), "n1.xlsx:3", "300", "200", "张三", "f1.xlsx", "--reason")
    assert standing(cli) == [("学位", "2023-06-30", 300)]


def test_a_reporter_who_is_only_the_importers_login_is_not_the_same_as_another_units(cli, tmp_path):
    """Units often leave 填报人 empty: both returns' rows then take the importer's login as reporter."""
    done(cli("import", "plan", districts(tmp_path)))
    futian = form(cli, tmp_path, "福田区.xlsx", "--unit", "福田区", "--as-of", "2023-06-30")
    nanshan = form(cli, tmp_path, "南山区.xlsx", "--unit", "南山区", "--as-of", "2023-06-30")
    done(cli("import", "progress", str(filled(futian, tmp_path / "f1.xlsx", {"学位": 300}))))
    n1 = str(filled(nanshan, tmp_path / "n1.xlsx", {"学位": 200}))
    said = refused(cli("import", "progress", n1), "n1.xlsx:3", "300", "200", "f1.xlsx", "--reason")
    assert "from 南山区 (by " in said and "by —" not in said  # the login the row is stored as (review53 F1)
    assert standing(cli) == [("学位", "2023-06-30", 300)]
    csv = tmp_path / "n2.csv"  # a return naming its unit in a line, no 填报人 column: the same
    csv.write_text("填报单位：南山区\n计划,任务编号,截至日期,数值\nx-2023,1,2023-06-30,200\n", encoding="utf-8")
    refused(cli("import", "progress", str(csv)), "n2.csv:3", "f1.xlsx")
    done(cli("import", "progress", n1, "--reason", "南山区报全区数"))
    assert standing(cli)[-1] == ("学位", "2023-06-30", 200)


# F2 ------------------------------------------------------------------------------------------------------------------

def housing(tmp_path: Path) -> str:
    task = plan_task("1", "新建保障性住房", "市住建局", "保障房", "套", 1000, also=[("完成投资", "万元", 50000)])
    return str(write_plan(tmp_path / "h.toml", plan_tasks(task)))


def test_last_weeks_form_filled_in_again_reads_as_its_v2_and_is_said_old_to_new(cli, tmp_path):
    """Its cells are a v2's (the same 上次日期, the rows of its own day): which form was made last is not remembered,
    so it is taken as a correction and every row said old → new, undoable (review47 F3). A form made before a report
    between its 上次日期 and its day is refused: test_fixrev47a."""
    done(cli("import", "plan", housing(tmp_path)))
    week21 = form(cli, tmp_path, "week21.xlsx", "--unit", "市住建局", "--as-of", "2023-05-24")
    done(cli("import", "progress", str(filled(week21, tmp_path / "week21-filled.xlsx", {"保障房": 100, "完成投资": 20000}, "张三"))))
    form(cli, tmp_path, "week22.xlsx", "--unit", "市住建局", "--as-of", "2023-05-31")
    again = str(filled(week21, tmp_path / "week22-returned.xlsx", {"保障房": 150, "完成投资": 26000}, "张三"))
    result = cli("import", "progress", again)
    done(result)
    assert "2 corrected" in result.output
    assert "week22-returned.xlsx:3 x-2023/1 保障房 2023-05-24: 100套 → 150套" in result.output
    assert "20000万元 → 26000万元" in result.output


def test_a_correction_on_the_form_made_after_the_report_is_taken_and_named_old_to_new(cli, tmp_path):
    done(cli("import", "plan", housing(tmp_path)))
    week21 = form(cli, tmp_path, "week21.xlsx", "--unit", "市住建局", "--as-of", "2023-05-24")
    done(cli("import", "progress", str(filled(week21, tmp_path / "week21-filled.xlsx", {"保障房": 100, "完成投资": 20000}, "张三"))))
    again = form(cli, tmp_path, "week21-again.xlsx", "--unit", "市住建局", "--as-of", "2023-05-24")  # 上次日期 2023-05-24
    result = cli("import", "progress", str(filled(again, tmp_path / "v2.xlsx", {"保障房": 120, "完成投资": 20000}, "张三")))
    done(result)
    assert "1 corrected" in result.output
    assert "x-2023/1 保障房 2023-05-24: 100套 → 120套" in result.output and "→ 20000万元" not in result.output


def test_a_csv_without_the_forms_dates_corrects_as_before_and_names_the_row(cli, tmp_path):
    done(cli("import", "plan", housing(tmp_path)))
    (tmp_path / "a.csv").write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,保障房,2023-05-24,100\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,保障房,2023-05-24,90\n", encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "a.csv")))
    result = cli("import", "progress", str(tmp_path / "b.csv"))
    done(result)
    assert "b.csv:2 x-2023/1 保障房 2023-05-24: 100套 → 90套" in result.output
    (tmp_path / "c.csv").write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,保障房,2023-05-24,95\n", encoding="utf-8")
    done(json := cli("import", "progress", str(tmp_path / "c.csv"), "--format", "json"))
    assert '"corrections": [' in json.stdout and "c.csv:2 x-2023/1 保障房 2023-05-24: 90套 → 95套" in json.stdout


# F12 -----------------------------------------------------------------------------------------------------------------

def january(cli, tmp_path: Path, value: int, years=(2023, 2024)) -> str:
    """Programmes of `years` (the same task), 学位 1950 as of city-2023's year end, and a January return of `value`."""
    paths = []
    for year in years:
        task = plan_task("2", "新增学位", "市教育局", "学位", "个", 2000, deadline=f"{year}-12-31")
        path = write_plan(tmp_path / f"c{year}.toml", plan_tasks(task), code=f"city-{year}")
        path.write_text(path.read_text(encoding="utf-8").replace("year = 2023", f"year = {year}"), encoding="utf-8")
        paths.append(str(path))
    done(cli("import", "plan", *paths))
    done(cli("log", "city-2023/2", "1950", "--as-of", "2023-12-31"))
    jan = tmp_path / "jan.csv"
    jan.write_text(f"任务编号,截至日期,数值,备注\n2,2024-01-31,{value},1月新开工\n", encoding="utf-8")
    return str(jan)


def test_a_january_row_lowering_last_years_year_end_figure_is_refused_naming_the_new_year(cli, tmp_path):
    jan = january(cli, tmp_path, 30)
    for dry in ([], ["--dry-run"]):
        refused(cli("import", "progress", jan, "-p", "city-2023", *dry), "jan.csv:2", "30个", "1950个", "2023-12-31",
                "-p city-2024", "--reason")
    assert standing(cli) == [("学位", "2023-12-31", 1950)]
    done(cli("import", "progress", jan, "-p", "city-2023", "--reason", "年终数核减"))
    assert standing(cli)[-1] == ("学位", "2024-01-31", 30)


def test_without_the_new_years_programme_the_refusal_asks_whether_it_is_next_years(cli, tmp_path):
    jan = january(cli, tmp_path, 30, years=(2023,))
    refused(cli("import", "progress", jan, "-p", "city-2023"), "jan.csv:2", "next year's programme", "--reason")
    assert standing(cli) == [("学位", "2023-12-31", 1950)]


def test_a_january_year_end_figure_that_does_not_fall_is_taken_as_before(cli, tmp_path):
    done(cli("import", "progress", january(cli, tmp_path, 2000), "-p", "city-2023"))
    assert standing(cli)[-1] == ("学位", "2024-01-31", 2000)


def test_the_refusals_are_said_in_chinese(cli, tmp_path):
    said = refused(cli("--lang", "zh", "import", "progress", january(cli, tmp_path, 30), "-p", "city-2023"), "city-2024")
    assert "年终" in said


def test_a_bulk_correction_names_the_first_twenty_and_counts_the_rest(cli, tmp_path):
    done(cli("import", "plan", housing(tmp_path)))
    days = [f"2023-{month:02d}-{day:02d}" for month in (3, 4) for day in range(1, 14)][:25]
    for name, base in (("a.csv", 100), ("b.csv", 200)):
        (tmp_path / name).write_text("计划,任务编号,指标,截至日期,数值\n" + "".join(
            f"x-2023,1,保障房,{day},{base + n}\n" for n, day in enumerate(days)), encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "a.csv")))
    result = cli("import", "progress", str(tmp_path / "b.csv"))
    done(result)
    assert "25 corrected" in result.output and result.output.count("  corrected: ") == 20
    assert "\n  … and 5 more\n" in result.output and "2023-03-01: 100套 → 200套" in result.output


def test_a_units_own_correction_without_a_reporter_is_taken_as_its_own(cli, tmp_path):
    """With the reporting unit stored (unit47), a unit's second return correcting its own figure, 填报人 left empty on
    both, is the same unit's: taken as a correction, no --reason asked (the reporters alone would be nobody's)."""
    done(cli("import", "plan", districts(tmp_path)))
    first = form(cli, tmp_path, "福田区.xlsx", "--unit", "福田区", "--as-of", "2023-06-30")
    done(cli("import", "progress", str(filled(first, tmp_path / "f1.xlsx", {"学位": 300}))))
    again = form(cli, tmp_path, "福田区-2.xlsx", "--unit", "福田区", "--as-of", "2023-06-30")
    result = cli("import", "progress", str(filled(again, tmp_path / "f2.xlsx", {"学位": 320})))
    done(result)
    assert "1 corrected" in result.output and "300个 → 320个" in result.output
    assert standing(cli) == [("学位", "2023-06-30", 300), ("学位", "2023-06-30", 320)]  # the correction kept beside it
