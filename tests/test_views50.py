"""What the views and messages say (views50): a growth target's indicator is named with its growth (地区生产总值增长);
a rate met before its deadline is met so far in `show`'s forecast and Done % as in its status; the columnar path of
`import progress` warns of a figure far above its target as `log` does; …"""

from __future__ import annotations

import json

from tests.conftest import done, plan_task, plan_tasks, refused, write_plan

GROWTH_TABLE = "序号,任务,牵头单位,完成时限\n1,地区生产总值增长5%以上,区发改委,2023年12月\n2,新建幼儿园3所,区教育局,2023年12月\n"


def test_a_growth_target_is_named_with_its_growth_and_may_fall_below_zero(cli, tmp_path):
    """"地区生产总值增长5%以上": the indicator is 地区生产总值增长, as the office's own reports and the seeds name it (was
    地区生产总值, a level); so a quarter's fall (-0.5%) is a rate of change's figure, stored (was refused "地区生产总值
    cannot be negative"), and the rate is on track, not done, when met mid-year."""
    table = tmp_path / "t.csv"
    table.write_text(GROWTH_TABLE, encoding="utf-8")
    plan = tmp_path / "t.toml"
    done(cli("import", "table", str(table), "-p", "x-2023", "--year", "2023", "-o", str(plan)))
    assert 'name = "地区生产总值增长"' in plan.read_text(encoding="utf-8")
    done(cli("import", "plan", str(plan)))
    done(cli("log", "--as-of", "2023-04-05", "--", "x-2023/1", "-0.5"))
    done(cli("log", "x-2023/1", "5.2", "--as-of", "2023-07-05"))
    assert cli.sql("select value from report order by as_of") == [(-0.5,), (5.2,)]
    result = cli("status", "--as-of", "2023-07-10", "--format", "json")
    done(result)
    rows = {row["task"]: row for row in json.loads(result.stdout)}
    assert rows["1"]["indicator"] == "地区生产总值增长" and rows["1"]["status"] == "on_track"


def _growth_plan(tmp_path):
    growth = plan_task("1", "地区生产总值增长5%以上", "区发改委", "地区生产总值增长", "%", 5, comparator=">=")
    ceiling = plan_task("2", "城镇调查失业率控制在5.5%以内", "区人社局", "城镇调查失业率", "%", 5.5, comparator="<=")
    count = plan_task("3", "新建幼儿园3所", "区教育局", "幼儿园", "所", 3)
    return write_plan(tmp_path / "p.toml", plan_tasks(growth, ceiling, count))


def test_a_rate_met_before_its_deadline_is_met_so_far_in_show_and_status(cli, tmp_path):
    """5.2% of a growth target of 5% in July: `status` says on track; `show`'s forecast said "target met on 2023-07-05"
    and Done % read 104% beside "on track". Now the forecast says it is at its target so far, done only if still met on
    the deadline, and Done % is blank until then (a level, not a share of work done); a count met early stays done."""
    done(cli("import", "plan", str(_growth_plan(tmp_path))))
    for ref, value in (("x-2023/1", "5.2"), ("x-2023/2", "5.1"), ("x-2023/3", "3")):
        done(cli("log", ref, value, "--as-of", "2023-07-05"))
    result = cli("show", "x-2023/1", "--as-of", "2023-07-10")
    done(result)
    assert "at its target so far; done only if still met on 2023-12-31" in result.stdout
    assert "target met on" not in result.stdout
    result = cli("show", "x-2023/2", "--as-of", "2023-07-10")
    done(result)
    assert "at its target so far; done only if still met on 2023-12-31" in result.stdout
    result = cli("show", "x-2023/3", "--as-of", "2023-07-10")
    done(result)
    assert "target met on 2023-07-05" in result.stdout
    result = cli("status", "--as-of", "2023-07-10", "--format", "json")
    done(result)
    rows = {row["task"]: row for row in json.loads(result.stdout)}
    assert (rows["1"]["status"], rows["1"]["percent"]) == ("on_track", None)
    assert (rows["3"]["status"], rows["3"]["percent"]) == ("done", 100)
    result = cli("status", "--as-of", "2023-12-31", "--format", "json")
    done(result)
    rows = {row["task"]: row for row in json.loads(result.stdout)}
    assert (rows["1"]["status"], rows["1"]["percent"]) == ("done", 104)
    assert "104%" not in cli("status", "--as-of", "2023-07-10").stdout


def test_the_columnar_path_warns_of_a_figure_far_above_its_target_as_log_does(cli, tmp_path):
    """A return of 1,200 rows goes the columnar path (progress_columns): 200座 against a target of 4 (a typo for 2) was
    stored without a word, where `log` and a short file warn; now the same warning, naming the row, and the figure
    stored as before."""
    tasks = [plan_task(str(n), f"泵站{n}", "区农业农村局", "泵站", "座", 4) for n in range(1, 1201)]
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan_tasks(*tasks)))))
    rows = [f"x-2023,{n},泵站,2023-07-07,{200 if n == 700 else 2}" for n in range(1, 1201)]
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    done(result)
    assert f"{sheet}:701: x-2023/700 泵站: 200座 is more than 3 times its annual target of 4座" in result.output
    assert result.output.count("times its annual target") == 1
    assert cli.sql("select count(*), sum(value) from report") == [(1200, 1199 * 2 + 200)]


def test_a_notice_in_md_or_html_without_output_is_printed_as_every_report_is(cli, tmp_path):
    """`report notice -f md` with no -o was refused ("a notice goes to a file"), where `report weekly -f md` and
    `report half-year -f md` print to stdout: one rule now. A .docx still needs a file, --each-unit a directory."""
    done(cli("import", "plan", str(_growth_plan(tmp_path))))
    notice = ["report", "notice", "-p", "x-2023", "--as-of", "2023-07-10", "-u", "区发改委"]
    result = cli(*notice, "-f", "md")
    done(result)
    assert result.stdout.startswith("# Supervision notice") and "To 区发改委:" in result.stdout
    result = cli(*notice, "-f", "html")
    done(result)
    assert result.stdout.startswith("<!DOCTYPE html>") and "区发改委" in result.stdout
    refused(cli(*notice), "--output: a report in .docx is written to a file; add -o FILE.docx")
    refused(cli("report", "notice", "-p", "x-2023", "--as-of", "2023-07-10", "--each-unit", "-f", "md"),
            "--output: with --each-unit, the directory the notices go in (one file per unit); add -o DIR")


def _text_only_task(code: str, title: str, lead: str, first: str) -> str:
    """A task of one text-only line: its first checkpoint's words `first` in June, 完工 at the year's end."""
    return (f'[[tasks]]\ncode = "{code}"\ntitle = "{title}"\n[[tasks.lines]]\nlead_units = ["{lead}"]\ncheckpoints = [\n'
            f'    {{ due = "2023-06-30", label = "6月", text = "{first}" }},\n'
            '    { due = "2023-12-31", label = "年內", text = "完工。" },\n]\n')


START_PLAN = _text_only_task("1", "完善交通基礎設施", "區住建局", "開工") + _text_only_task("2", "提升區域防洪能力", "區農業農村局", "設計")


def test_a_start_word_on_a_start_line_is_its_start_checkpoint_met(cli, tmp_path):
    """"已开工" (or 已開工) on a text-only line "6月開工,年內完工" was refused ("进度安排 is a text-only line: give 已完成 or
    how many of its 2 checkpoints are met"); it is what units write for a start. Now `log` and `import progress` alike
    read it as the checkpoints up to the start met (1 of 2); on a line with no start checkpoint it is refused, naming
    the line's checkpoints, exit 2, nothing written."""
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", START_PLAN))))
    result = cli("log", "x-2023/1", "已開工", "--as-of", "2023-07-03")
    done(result)
    assert "x-2023/1 进度安排: 1 as of 2023-07-03" in result.output
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,进度安排,2023-07-07,已开工\n", encoding="utf-8")
    done(cli("import", "progress", str(sheet)))
    assert cli.sql("select value from report order by as_of") == [(1,), (1,)]
    refused(cli("log", "x-2023/2", "已开工", "--as-of", "2023-07-03"),
            "x-2023/2 进度安排: 已开工, but none of its 2 checkpoints is a start (开工): give 已完成 or how many of its "
            "checkpoints are met (設計; 完工。)")
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,2,进度安排,2023-07-07,已开工\n", encoding="utf-8")
    refused(cli("import", "progress", str(sheet)), f"{sheet}:2:数值: x-2023/2 进度安排: 已开工, but none of its 2 checkpoints")
    assert cli.sql("select count(*) from report") == [(2,)]


def test_units_headers_stay_on_one_line_at_80_columns(cli, tmp_path):
    """`units` at 80 columns printed "On" over "track", "No" over "report", "Not" over "due"; the count columns' headers
    stay whole now, as the Chinese ones do, and Done % is left out and said (a wider terminal shows it)."""
    tasks = [plan_task("1", "新建幼儿园3所", "區新興產業服務中心", "幼儿园", "所", 3),
             plan_task("2", "道路", "區農業農村局", "道路", "条", 5, milestones=[("2023-06-30", 2), ("2023-12-31", 5)])]
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan_tasks(*tasks)))))
    out = cli("units", "--as-of", "2023-07-10", env={"COLUMNS": "80"}).stdout
    lines = out.splitlines()
    assert "Unit" in lines[1] and "On track" in lines[1] and "No report" in lines[1] and "Not due" in lines[1], out
    assert lines[2].startswith(" ━"), out  # one line of headers
    assert "Left out at this width: Done %" in " ".join(out.split())
    wide = cli("units", "--as-of", "2023-07-10", env={"COLUMNS": "120"}).stdout
    assert "Done %" in wide.splitlines()[1] and "Left out" not in wide


def test_the_overview_of_a_plan_without_projects_prints_no_project_name(cli, tmp_path):
    """The half-year 一览表 of a plan with no areas printed "（未分项目）" ("(no project)") as its first project name: now
    the cell is empty; beside named projects, tasks with none stand under 其他 (Other)."""
    done(cli("import", "plan", str(_growth_plan(tmp_path))))
    result = cli("report", "half-year", "-p", "x-2023", "-f", "md")
    done(result)
    assert "(no project)" not in result.stdout and "Other" not in result.stdout
    assert "\n|  | 1.地区生产总值增长5%以上 |" in result.stdout
    area = tmp_path / "a.toml"
    body = plan_tasks(plan_task("1", "新建幼儿园3所", "区教育局", "幼儿园", "所", 3),
                      plan_task("2", "道路", "区住建局", "道路", "条", 5))
    body = body.replace('title = "新建幼儿园3所"', 'title = "新建幼儿园3所"\narea = "一"')
    area.write_text(f'format = 1\n[programme]\ncode = "y-2023"\nname = "y"\nyear = 2023\n[[areas]]\ncode = "一"\n'
                    f'name = "教育"\n{body}', encoding="utf-8")
    done(cli("import", "plan", str(area)))
    result = cli("report", "half-year", "-p", "y-2023", "-f", "md")
    done(result)
    assert "| 一、教育 | 1.新建幼儿园3所 |" in result.stdout and "| Other | 2.道路 |" in result.stdout, result.stdout


def test_a_word_document_of_paragraphs_names_paragraphs_in_its_doubts(cli, tmp_path):
    """A .docx with no table read as a list of tasks said "row 17" of a paragraph: now "paragraph 17"."""
    from pathlib import Path

    source = Path(__file__).parent / "data" / "tables" / "longgang-2024-shishi.docx"
    result = cli("import", "table", str(source), "-p", "longgang-2024", "--year", "2024", "-o", str(tmp_path / "lg.toml"))
    done(result)
    assert "longgang-2024-shishi.docx: paragraph 17: “新增学位”" in result.stderr
    assert "paragraphs 15, 17, 19 and 7 more: no header row" in result.stderr
    assert "row 17" not in result.stderr


def _titled_form(path, title: str, *rows: list) -> str:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([title])
    sheet.append(["计划", "任务编号", "指标", "数值"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return str(path)


def test_a_title_date_with_no_year_takes_the_year_of_its_programme(cli, tmp_path):
    """"进展情况表（截至5月31日）" over rows with no date: the title was ignored ("no date column (截至日期) and no
    --as-of"); the day is now in the year of the rows' programme, said as a title's date is; the same with --as-of
    another day is the warning naming both."""
    done(cli("import", "plan", str(_growth_plan(tmp_path))))
    path = _titled_form(tmp_path / "f.xlsx", "进展情况表（截至5月31日）", ["x-2023", "3", "幼儿园", 2])
    result = cli("import", "progress", path)
    done(result)
    assert "f.xlsx: rows with no date are as of 2023-05-31, the date its title gives (“进展情况表（截至5月31日）”)" in \
        result.stderr, result.stderr
    assert [str(day)[:10] for day, in cli.sql("select as_of from report")] == ["2023-05-31"]
    result = cli("import", "progress", path, "--as-of", "2023-06-30")
    done(result)
    assert "its title says 进展情况表（截至5月31日） (as of 2023-05-31), but --as-of 2023-06-30 was given" in result.stderr


def test_a_title_date_with_no_year_over_programmes_of_two_years_is_refused(cli, tmp_path):
    """Rows of programmes of 2023 and 2024 under "（截至5月31日）": which year is meant is the unit's to say: refused,
    naming the title and both days, exit 2, nothing written."""
    done(cli("import", "plan", str(_growth_plan(tmp_path))))
    later = plan_tasks(plan_task("1", "道路", "区住建局", "道路", "条", 5))
    (tmp_path / "y.toml").write_text(f'format = 1\n[programme]\ncode = "y-2024"\nname = "y"\nyear = 2024\n{later}',
                                     encoding="utf-8")
    done(cli("import", "plan", str(tmp_path / "y.toml")))
    path = _titled_form(tmp_path / "f.xlsx", "进展情况表（截至5月31日）", ["x-2023", "3", "幼儿园", 2], ["y-2024", "1", "道路", 1])
    refused(cli("import", "progress", path), "f.xlsx: its title says “进展情况表（截至5月31日）”, a date with no year, and its "
            "rows are of programmes of different years (2023-05-31, 2024-05-31); give --as-of")
    assert cli.sql("select count(*) from report") == [(0,)]


def test_the_summary_counts_the_progress_files_doubts_with_the_plans(cli, tmp_path):
    """`import table --progress-as-of` said the progress column's doubt ("progress to 2017-06-30, not as of …") with the
    plan's, but no count of them; the summary line now ends with the plan's `# check:` comments counted (as import plan
    counts them, fixdoubt59) and the progress file's doubts."""
    from pathlib import Path

    source = Path(__file__).parent / "data" / "tables" / "suzhou-2017-shangbannian.html"
    result = cli("import", "table", str(source), "-p", "sz-2017", "--year", "2017", "-o", str(tmp_path / "a.toml"))
    done(result)
    plan_only = sum(line.startswith("check: ") for line in result.stderr.splitlines())
    comments = (tmp_path / "a.toml").read_text(encoding="utf-8").count("# check:")  # one count with import plan's (fixdoubt59)
    assert result.stdout.rstrip().endswith(f", {comments} `# check:` doubts in the plan"), result.stdout
    result = cli("import", "table", str(source), "-p", "sz-2017", "--year", "2017", "-o", str(tmp_path / "b.toml"),
                 "--progress-as-of", "2017-05-31")
    done(result)
    checks = [line for line in result.stderr.splitlines() if line.startswith("check: ")]
    assert len(checks) == plan_only + 1 and "not as of 2017-05-31" in checks[-1], checks
    assert result.stdout.rstrip().endswith(f", {comments} `# check:` doubts in the plan, 1 doubt of the progress file"), \
        result.stdout
