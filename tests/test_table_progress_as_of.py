"""`import table --progress-as-of` on an office's quarterly form (trial52 findings 1, 2, 12, 13): a merged two-row
header, 一季度/二季度/三季度完成情况 each over 累计完成 and 备注. Every progress cell of the column that covers the date
is read as `import progress` reads a value (已完成 → the target, 约5 → 5 said approximate) or said as a doubt naming
it; the 备注 column of the progress file is the row's 备注 cell; the programme is named without the title's date; the
task's progress text labels each quarter's figure."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import done, import_table, refused

QUARTERS = ("一季度完成情况", "二季度完成情况", "三季度完成情况")
TITLE = "XX区2024年民生实事项目推进情况表（截至2024年9月30日）"


def office_form(path, rows, title=TITLE):
    """The office's form: a title over the table, five columns merged down two header rows, then per quarter a group
    name merged over 累计完成 | 备注. ROWS: (title, target, [(done, note) per quarter])."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.merge_cells("A1:K1")
    sheet.append(["序号", "项目名称", "目标任务", "责任单位", "完成时限", QUARTERS[0], None, QUARTERS[1], None, QUARTERS[2], None])
    sheet.append([None] * 5 + ["累计完成", "备注"] * 3)
    for column in "ABCDE":
        sheet.merge_cells(f"{column}2:{column}3")
    for first, last in (("F", "G"), ("H", "I"), ("J", "K")):
        sheet.merge_cells(f"{first}2:{last}2")
    for n, (title_cell, target, quarters) in enumerate(rows, 1):
        sheet.append([n, title_cell, target, "区住建局", "12月底前", *[cell for quarter in quarters for cell in quarter]])
    book.save(path)
    return path


ROWS = [
    ("新建社区食堂100个", "100个", [("10", ""), ("25", ""), ("50", "")]),
    ("新建社区食堂200个", "200个", [("20", ""), ("约5", ""), ("100", "")]),
    ("改造老旧小区1500个", "1500个", [("300", ""), ("750", ""), ("已完成", "")]),
    ("改造老旧小区400个", "400个", [("40", ""), ("90", ""), ("180", "正在施工，预计10月完工")]),
]


def written(tmp_path) -> list[list[str]]:
    with (tmp_path / "plan.progress.csv").open(encoding="utf-8") as handle:
        return list(csv.reader(handle))[1:]


def test_a_done_word_is_the_target_and_the_notes_are_the_rows_own(cli, tmp_path):
    source = office_form(tmp_path / "office.xlsx", ROWS)
    result, plan = import_table(source, "--progress-as-of", "2024-09-30")
    done(result)
    assert result.exception is None and "0 `# check:` doubts in the plan" in result.stdout, result.output
    assert written(tmp_path) == [
        ["x-2024", "1", "新建社区食堂", "2024-09-30", "50", ""],
        ["x-2024", "2", "新建社区食堂", "2024-09-30", "100", ""],
        ["x-2024", "3", "改造老旧小区", "2024-09-30", "1500", "已完成"],  # the sheet says finished: the target
        ["x-2024", "4", "改造老旧小区", "2024-09-30", "180", "正在施工，预计10月完工"],  # its 备注, not the figure again
    ]
    done(cli("import", "plan", str(plan)))
    done(cli("import", "progress", str(tmp_path / "plan.progress.csv")))
    stored = cli.sql("select t.code, r.value, r.note from report r join indicator i on i.id = r.indicator_id "
                     "join task_line l on l.id = i.line_id join task t on t.id = l.task_id order by t.code")
    assert [(code, float(value), note) for code, value, note in stored] == [
        ("1", 50, None), ("2", 100, None), ("3", 1500, "已完成"), ("4", 180, "正在施工，预计10月完工")]


def test_an_approximate_figure_is_written_and_said_as_import_progress_says_it(cli, tmp_path):
    source = office_form(tmp_path / "office.xlsx", ROWS)
    result, plan = import_table(source, "--progress-as-of", "2024-06-30")
    done(result)
    assert [row[4] for row in written(tmp_path)] == ["25", "5", "750", "90"]
    assert "office.xlsx: row 5, column 二季度完成情况/累计完成: 新建社区食堂: '约5' is approximate; taken as 5" \
        in result.stderr, result.stderr
    done(cli("import", "plan", str(plan)))
    done(cli("import", "progress", str(tmp_path / "plan.progress.csv")))
    assert sorted(float(v) for (v,) in cli.sql("select value from report")) == [5, 25, 90, 750]


@pytest.mark.parametrize(("cell", "said"), [
    ("正在施工", "row 4, column 三季度完成情况/累计完成: “正在施工”: no figure given to an indicator"),
    ("5户", "row 4, column 三季度完成情况/累计完成: task 1, “新建社区食堂”: '5户': unit '户' does not match"),
    ("已开工", "“已开工”: no figure given to an indicator"),
])
def test_a_cell_that_cannot_be_written_is_a_doubt_naming_it_and_strict_refuses(tmp_path, cell, said):
    rows = [("新建社区食堂100个", "100个", [("10", ""), ("25", ""), (cell, "")])]
    result, plan = import_table(office_form(tmp_path / "office.xlsx", rows), "--progress-as-of", "2024-09-30")
    done(result)
    assert written(tmp_path) == []
    checks = [line for line in result.stderr.splitlines() if line.startswith("check: ")]
    assert len(checks) == 1 and said in checks[0], result.stderr
    assert result.stdout.rstrip().endswith("0 `# check:` doubts in the plan, 1 doubt of the progress file"), result.stdout
    plan.unlink()
    (tmp_path / "plan.progress.csv").unlink()
    strict, _ = import_table(tmp_path / "office.xlsx", "--progress-as-of", "2024-09-30", "--strict")
    refused(strict, "--strict: 0 `# check:` doubts in the plan, 1 doubt of the progress file; nothing written", cell)
    assert not plan.exists() and not (tmp_path / "plan.progress.csv").exists()


def test_one_bare_figure_for_a_row_of_two_indicators_is_a_doubt(tmp_path):
    rows = [("新建社区食堂10个、改造老旧小区20个", "", [("1", ""), ("2", ""), ("8", "")])]
    result, _ = import_table(office_form(tmp_path / "office.xlsx", rows), "--progress-as-of", "2024-09-30")
    done(result)
    assert written(tmp_path) == []
    assert "“8” is one figure for 2 indicators (新建社区食堂、改造老旧小区): not written" in result.stderr, result.stderr


def test_the_programme_is_named_without_the_titles_date_which_the_note_keeps(tmp_path):
    from mstrack.sources.plan import load_plan

    result, plan = import_table(office_form(tmp_path / "office.xlsx", ROWS))
    done(result)
    programme = load_plan(plan)
    assert programme.name == "XX区2024年民生实事项目推进情况表"
    assert programme.note == f"标题：{TITLE}"
    assert "the title's “（截至2024年9月30日）” dates its figures" in result.stderr


@pytest.mark.parametrize("title", ["XX区2024年民生实事项目推进情况表", "截至9月底XX区民生实事推进情况表",
                                   "XX区民生实事项目表（截至6月5日前报送）"])
def test_a_title_with_no_date_at_its_end_names_the_programme_as_printed(tmp_path, title):
    from mstrack.sources.plan import load_plan

    result, plan = import_table(office_form(tmp_path / "office.xlsx", ROWS, title=title))
    done(result)
    assert load_plan(plan).name == title and load_plan(plan).note is None


def test_the_tasks_progress_labels_each_figure_by_its_quarter(tmp_path):
    from mstrack.sources.plan import load_plan

    result, plan = import_table(office_form(tmp_path / "office.xlsx", ROWS))
    done(result)
    third = load_plan(plan).tasks[2]
    assert third.text.progress == "一季度：300\n二季度：750\n三季度：已完成"


def test_a_figure_with_a_remark_in_its_bracket_is_split_as_import_progress_splits_it(cli, tmp_path):
    """"300（预计）" in the column as of the date: 300 written, "预计" its note (as `import progress` splits a value cell:
    progress_cells.split_remark), said, never "no figure given" (reader53); a title "…表——截至2024年6月30日" is named
    without its date after the dash."""
    from mstrack.sources.plan import load_plan

    rows = [("改造老旧小区1500个", "1500个", [("300（预计）", "按计划推进"), ("750", ""), ("", "")])]
    title = "XX区2024年民生实事项目推进情况表——截至2024年6月30日"
    result, plan = import_table(office_form(tmp_path / "office.xlsx", rows, title=title), "--progress-as-of", "2024-03-31")
    done(result)
    assert written(tmp_path) == [["x-2024", "1", "改造老旧小区", "2024-03-31", "300", "按计划推进；预计"]]
    assert "“300（预计）”: 300 written, its bracket “预计” kept as its note" in result.stderr, result.stderr
    assert load_plan(plan).name == "XX区2024年民生实事项目推进情况表"
    done(cli("import", "plan", str(plan)))
    done(cli("import", "progress", str(tmp_path / "plan.progress.csv")))
    assert [(float(v), n) for v, n in cli.sql("select value, note from report")] == [(300, "按计划推进；预计")]
