"""What status and notices say (fix49c): one --unit rule for every command (a notice to a unit typed in simplified
characters, or to a unit with no task in the programme); a rate reached mid-year is not done; a figure far above its
target is warned about; a done word read as fewer checkpoints than the line has is said; a note with no figure is
warned about; a weekly status change never counts a report entered after --since and since undone."""

from __future__ import annotations

from tests.conftest import done, plan_task, plan_tasks, refused, write_plan

X_PLAN = plan_tasks(
    plan_task("1", "泵站改造", "區農業農村局", "泵站", "座", 4, units=["區農業農村局", "區發改委"],
              milestones=[("2023-06-30", 2), ("2023-12-31", 4)]),
    plan_task("2", "道路", "區住建局", "道路", "条", 5, milestones=[("2023-12-31", 5)]),
)
Y_PLAN = plan_tasks(plan_task("1", "财政", "区财政局", "收入", "万元", 100, milestones=[("2023-12-31", 100)]))


def _plans(cli, tmp_path) -> None:
    for code, body in (("x-2023", X_PLAN), ("y-2023", Y_PLAN)):
        done(cli("import", "plan", str(write_plan(tmp_path / f"{code}.toml", body, code))))


def test_a_notice_to_a_unit_typed_in_simplified_characters_lists_its_red_task(cli, tmp_path):
    """区农业农村局 is the plan's 區農業農村局, as status --unit reads it: its red task, never an all-clear."""
    _plans(cli, tmp_path)
    out = tmp_path / "n.md"
    done(cli("report", "notice", "-p", "x-2023", "--as-of", "2023-07-10", "-u", "区农业农村局", "-f", "md", "-o", str(out)))
    text = out.read_text(encoding="utf-8")
    assert "To 區農業農村局:" in text and "1 task you lead in x is red or yellow" in text


def test_a_notice_to_a_unit_with_no_task_in_the_programme_is_refused(cli, tmp_path):
    """区财政局 leads in y-2023 only: a notice for x-2023 would be an all-clear of tasks it has none of."""
    _plans(cli, tmp_path)
    out = tmp_path / "n.md"
    refused(cli("report", "notice", "-p", "x-2023", "--as-of", "2023-07-10", "-u", "区财政局", "-f", "md", "-o", str(out)),
            "--unit '区财政局': 区财政局 has no task in x-2023", "區農業農村局", "區住建局")
    assert not out.exists()
    refused(cli("status", "-p", "x-2023", "--as-of", "2023-07-10", "--unit", "区财政局"), "has no task in x-2023")


def test_a_notice_to_a_unit_that_only_helps_is_refused(cli, tmp_path):
    """區發改委 is a unit of task 1's line, not its lead: a notice says "你单位牵头的…", so it is refused (status
    --unit shows the task it helps with)."""
    _plans(cli, tmp_path)
    out = tmp_path / "n.md"
    refused(cli("report", "notice", "-p", "x-2023", "--as-of", "2023-07-10", "-u", "区发改委", "-f", "md", "-o", str(out)),
            "--unit '区发改委': 區發改委 leads no task in x-2023")
    assert not out.exists()
    done(cli("status", "-p", "x-2023", "--as-of", "2023-07-10", "--unit", "区发改委"))


def test_a_count_far_above_its_annual_target_is_stored_with_a_warning_naming_it(cli, tmp_path):
    """20座 of a target of 4 (a typo for 2): stored, as overshooting is real, but said with the task, the indicator,
    the figure and the target, by `import progress` (a plain number, the rows' quick path) and `log` alike."""
    _plans(cli, tmp_path)
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,泵站,2023-07-07,20\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    done(result)
    assert "r.csv:2: x-2023/1 泵站: 20座 is more than 3 times its annual target of 4座" in result.output
    assert cli.sql("select value from report") == [(20,)]
    result = cli("log", "x-2023/1", "--as-of", "2023-07-08", "--", "12")  # 3 times: no warning
    done(result)
    assert "times its annual target" not in result.output
    result = cli("log", "x-2023/1", "--as-of", "2023-07-09", "--", "13")
    done(result)
    assert "x-2023/1 泵站: 13座 is more than 3 times its annual target of 4座" in result.output


def test_a_report_entered_after_since_and_undone_is_no_status_change(cli, tmp_path):
    """A backlog entered today for June (after the week's `on`), undone today: last week's report never stood on it, so
    the week lists no "behind → 未报送" for it (it did: an undo after --since counted the report then); the same undo of
    a report entered by --since is still a change (test_weekly_undo)."""
    import json

    from tests.test_weekly_month import BEDS

    assert cli("import", "plan", str(write_plan(tmp_path / "plan.toml", BEDS))).exit_code == 0
    sheet = tmp_path / "s.csv"
    sheet.write_text("任务编号,截至日期,累计完成值\n12,2023-06-05,8000\n", encoding="utf-8")
    done(cli("import", "progress", str(sheet), "-p", "x-2023"))
    done(cli("undo", "2", "--reason", "填错"))
    result = cli("report", "weekly", "--as-of", "2023-06-16", "--format", "json")
    done(result)
    changes = json.loads(result.stdout)["changes"]["status"]
    assert not any(change["task"] == "12" for change in changes), changes


def test_a_row_with_a_note_and_no_figure_is_warned_about_naming_the_row(cli, tmp_path):
    """The unit wrote 备注 and left 数值 blank: nothing can be stored (a report is a figure), but the row is named with
    its note, never only counted as an empty row; a row empty in both says nothing."""
    _plans(cli, tmp_path)
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值,备注\nx-2023,1,泵站,2023-07-07,,6月12日开工，路面施工中\n"
                     "x-2023,2,道路,2023-07-07,,\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    done(result)
    assert "r.csv:2:数值: x-2023/1 泵站: a note with no figure is not stored (“6月12日开工，路面施工中”)" in result.output
    assert "r.csv:3" not in result.output and "2 empty rows skipped" in result.output
    assert cli.sql("select count(*) from report") == [(0,)]


TEXT_ONLY = ('[[tasks]]\ncode = "3"\ntitle = "道路"\n[[tasks.lines]]\nlead_units = ["區住建局"]\ncheckpoints = [\n'
             '  { due = "2023-06-30", label = "6月", text = "開工" },\n'
             '  { due = "2023-12-31", label = "年內", text = "完工" },\n]\n')


def test_a_done_word_read_as_the_checkpoints_due_so_far_is_said(cli, tmp_path):
    """完工 in August on "6月開工,年內完工": read as 1 of 2 checkpoints (those due), and now said so with the next
    checkpoint's date and the way to say all of them; 全部完成 is all of them, said nothing of."""
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", TEXT_ONLY))))
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,截至日期,数值\nx-2023,3,2023-08-07,完工\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    done(result)
    assert ("r.csv:2: x-2023/3 进度安排: 完工 read as 1 of 2 checkpoints met (those due by 2023-08-07); the next is due "
            "2023-12-31: give 2 (or 全部完成) if every one is met") in result.output
    assert cli.sql("select value from report") == [(1,)]
    result = cli("log", "x-2023/3", "已完工", "--as-of", "2023-08-08")
    done(result)
    assert "已完工 read as 1 of 2 checkpoints met" in result.output
    result = cli("log", "x-2023/3", "全部完成", "--as-of", "2023-08-09")
    done(result)
    assert "read as" not in result.output
    assert cli.sql("select value from report order by as_of") == [(1,), (1,), (2,)]


def _rates_plan() -> str:
    growth = plan_task("1", "地区生产总值增长5%以上", "区发改委", "地区生产总值", "%", 5, comparator=">=")
    growth["lines"][0]["indicators"][0]["text"] = "地区生产总值增长5%以上"  # a name without 增长 (before views50): the words keep it
    return plan_tasks(growth, plan_task("2", "普及率", "区卫健委", "自来水普及率", "%", 95),
                      plan_task("3", "改造工程", "区住建局", "工程进度", "%", 100))


def _statuses(cli, on: str) -> dict:
    import json

    result = cli("status", "--as-of", on, "--format", "json")
    done(result)
    return {row["task"]: row["status"] for row in json.loads(result.stdout)}


def test_a_rate_reached_mid_year_is_met_so_far_not_done(cli, tmp_path):
    """A growth of 5.2% at the half year against the year's 5%, a 普及率 at its 95%: on track (met so far) until the
    year's end, done on it; a share of work done (工程进度 100%) is done once reached. The weekly report counts alike."""
    import json

    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", _rates_plan()))))
    for ref, value in (("x-2023/1", "5.2"), ("x-2023/2", "96"), ("x-2023/3", "100")):
        done(cli("log", ref, value, "--as-of", "2023-07-05"))
    assert _statuses(cli, "2023-07-05") == {"1": "on_track", "2": "on_track", "3": "done"}
    assert _statuses(cli, "2023-12-31") == {"1": "done", "2": "done", "3": "done"}
    result = cli("report", "weekly", "--as-of", "2023-07-05", "--format", "json")
    done(result)
    counts = json.loads(result.stdout)["summary"]["task_counts"]
    assert counts["done"] == 1 and counts["on_track"] == 2, counts


def test_a_percentage_is_warned_about_only_at_ten_times_its_target(cli, tmp_path):
    """A growth of 16% against a target of 5% is no typo's sign (more than 3 times, fewer than 10): no warning; 60% is."""
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", _rates_plan()))))
    sheet = tmp_path / "r.csv"
    sheet.write_text("计划,任务编号,指标,截至日期,数值\nx-2023,1,地区生产总值,2023-07-05,16\n", encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    done(result)
    assert "times its annual target" not in result.output
    result = cli("log", "x-2023/1", "60", "--as-of", "2023-07-06")
    done(result)
    assert "x-2023/1 地区生产总值: 60% is more than 10 times its annual target of 5%" in result.output


def test_a_note_with_a_line_break_is_warned_about_on_one_line(cli, tmp_path):
    """A 备注 cell of two lines (Alt+Enter in Excel): the warning quotes it on one line, so every line of stderr still
    names the file (tests/test_hostile.py found "0: a note with no figure …" on a line of its own)."""
    _plans(cli, tmp_path)
    sheet = tmp_path / "r.csv"
    sheet.write_text('计划,任务编号,指标,截至日期,数值,备注\nx-2023,1,泵站,2023-07-07,,"已开工\n路面施工中"\n', encoding="utf-8")
    result = cli("import", "progress", str(sheet))
    done(result)
    said = [line for line in result.stderr.splitlines() if "a note with no figure" in line]
    assert len(said) == 1 and said[0].endswith(
        "r.csv:2:数值: x-2023/1 泵站: a note with no figure is not stored (“已开工 路面施工中”); give the figure, or 已完成, "
        "beside it"), result.stderr
    assert all(line.startswith("mstrack:") or str(sheet) in line for line in result.stderr.splitlines()), result.stderr
