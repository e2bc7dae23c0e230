"""What the seed programmes beyond Shenzhen bring: reports in the document, links, odd deadlines."""

import json

from .conftest import Cli, write_plan


def show(cli: Cli, ref: str) -> dict:
    result = cli("show", ref, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def indicator(task: dict, name: str) -> dict:
    (found,) = [i for i in task["indicators"] if i["name"] == name]
    return found


def test_demo_loads_every_seed_programme(demo_cli):
    assert demo_cli("programmes").stdout.split() == sorted(
        ["dongguan-2023", "qingdao-2023", "shenzhen-2023", "shenzhen-2023-report", "yantian-2023"]
    )


def test_yantian_half_year_report_is_real_progress(demo_cli):
    task = show(demo_cli, "yantian-2023/16")
    (report,) = indicator(task, "智能居家监测预警设备安装")["reports"]
    assert (report["as_of"], report["value"]) == ("2023-06-30", 197)
    assert indicator(task, "智能居家监测预警设备安装")["target"] == 280
    task = show(demo_cli, "yantian-2023/19")
    assert [r["value"] for r in indicator(task, "康复救助")["reports"]] == [180]
    assert indicator(task, "康复救助")["target"] == 160
    assert [r["value"] for r in indicator(task, "送教上门人次")["reports"]] == [903]
    task = show(demo_cli, "yantian-2023/3")
    progress = indicator(task, "整体形象进度")
    assert progress["unit"] == "%" and [r["value"] for r in progress["reports"]] == [65]
    assert [(m["due"], m["target"]) for m in progress["milestones"]] == [("2023-09-30", 80), ("2023-12-31", 100)]
    assert task["assessment"] == "进度滞后" and "佳兆业" in task["problems"]
    assert (task["deadline"], task["deadline_text"]) == ("2023-11-30", "2023.11")


def test_yantian_status_at_mid_year(demo_cli):
    result = demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-07-01", "--format", "json")
    rows = {(r["task"], r["indicator"]): r for r in json.loads(result.stdout)}
    assert rows[("19", "康复救助")]["status"] == "done"
    assert rows[("2", "进度安排")]["status"] == "done"  # "已于6月底完工", a text-only task
    assert rows[("3", "整体形象进度")]["actual"] == 65
    behind = demo_cli("status", "-p", "yantian-2023", "--as-of", "2023-10-01", "--format", "json")
    rows = {(r["task"], r["indicator"]): r for r in json.loads(behind.stdout)}
    assert (rows[("3", "整体形象进度")]["expected"], rows[("3", "整体形象进度")]["status"]) == (80, "behind")


def test_links_show_on_both_sides(demo_cli):
    assert "shenzhen-2023-report/6" in show(demo_cli, "shenzhen-2023/28")["links"]
    report = show(demo_cli, "shenzhen-2023-report/6")
    assert report["links"] == ["shenzhen-2023/28"] and "18万人" in report["title"]


def test_qingdao_november_deadlines(demo_cli):
    for code in ("3", "13"):
        task = show(demo_cli, f"qingdao-2023/{code}")
        assert task["deadline"] == "2023-11-30"
        last_dues = {i["milestones"][-1]["due"] for i in task["indicators"] if i["target"] is not None}
        assert last_dues == {"2023-11-30"}


def test_qingdao_items_with_several_lead_units(demo_cli):
    task = show(demo_cli, "qingdao-2023/6")
    assert len({tuple(i["lead_units"]) for i in task["indicators"]}) == 3
    assert task["lead_units"] == ["市住房城乡建设局", "市交通运输局", "市水务管理局"]


def test_demo_twice_does_not_duplicate_document_reports(demo_cli):
    before = show(demo_cli, "yantian-2023/16")
    assert demo_cli("demo").exit_code == 0
    assert show(demo_cli, "yantian-2023/16")["indicators"] == before["indicators"]


def test_increment_reading_must_sum_up(cli, tmp_path):
    plan = write_plan(
        tmp_path / "inc.toml",
        '[[tasks]]\ncode = "50"\ntitle = "t"\n[[tasks.lines]]\nlead_units = ["甲"]\n'
        '[[tasks.lines.indicators]]\nname = "n"\nreading = "increment"\ntarget = 63000\nmilestones = [\n'
        '  { due = "2023-03-31", printed = 20000, target = 20000 },\n'
        '  { due = "2023-06-30", printed = 20000, target = 20000 },\n'
        ']\n',
        code="dg-2023",
    )
    result = cli("import", "plan", str(plan))
    assert result.exit_code == 2
    assert "milestones[1].target: expected the running sum 40000" in result.stderr


def test_unknown_keys_are_named_not_dropped(cli, tmp_path):
    plan = write_plan(
        tmp_path / "typo.toml",
        '[[tasks]]\ncode = "1"\ntitle = "t"\ndeadlin = "2023-06-30"\n[[tasks.lines]]\nlead_units = ["甲"]\n',
    )
    result = cli("import", "plan", str(plan))
    assert result.exit_code == 2 and "tasks[0].deadlin: unknown key" in result.stderr


def test_every_seed_round_trips_through_export(demo_cli, tmp_path):
    codes = demo_cli("programmes").stdout.split()
    other = Cli(tmp_path / "other.db")
    for code in codes:
        first = demo_cli("export", "plan", code).stdout
        path = tmp_path / f"{code}.toml"
        path.write_text(first, encoding="utf-8")
        assert other("import", "plan", str(path)).exit_code == 0
        assert other("export", "plan", code).stdout == first, code


def test_status_json_has_every_task_of_every_document(demo_cli):
    rows = json.loads(demo_cli("status", "--format", "json", "--as-of", "2023-07-01").stdout)
    tasks: dict[str, set[str]] = {}
    for row in rows:
        tasks.setdefault(row["programme"], set()).add(row["task"])
    counts = {code: len(found) for code, found in tasks.items()}
    assert {k: counts[k] for k in ("shenzhen-2023", "yantian-2023", "qingdao-2023", "dongguan-2023")} == {
        "shenzhen-2023": 33, "yantian-2023": 19, "qingdao-2023": 16, "dongguan-2023": 61,
    }


def test_yantian_report_words_beside_computed_status(demo_cli):
    args = ("status", "-p", "yantian-2023", "--as-of", "2023-06-30")
    rows = json.loads(demo_cli(*args, "--format", "json").stdout)
    (parks,) = [r for r in rows if r["task"] == "3" and r["indicator"] == "社区公园"]
    assert (parks["assessment"], parks["task_status"], parks["agrees"]) == ("进度滞后", "not_due", False)
    rows = json.loads(demo_cli(*args, "--format", "json", "--rule", "pro-rata").stdout)
    (school,) = [r for r in rows if r["task"] == "19" and r["indicator"] == "送教上门人次"]
    assert school["status"] == "behind" and 903 < school["expected"] < 1000
    table = demo_cli("--lang", "zh", *args, "--rule", "pro-rata").stdout
    assert "报告评价" in table and "≠" in table and "按序时进度" in table


def test_dongguan_increments_are_stored_cumulative(demo_cli):
    task = show(demo_cli, "dongguan-2023/50")
    (training,) = task["indicators"]
    assert [(m["due"], m["target"]) for m in training["milestones"]] == [
        ("2023-06-30", 20000), ("2023-09-30", 40000), ("2023-12-31", 63000)]
    task = show(demo_cli, "dongguan-2023/54")
    assert [m["target"] for m in task["indicators"][0]["milestones"]] == [300000, 900000, 1500000, 2000000]
    assert len(show(demo_cli, "dongguan-2023/55")["leaders"]) == 4


def _plan_of(tasks: int, title: str, target: int) -> str:
    return "".join(
        f'[[tasks]]\ncode = "{n}"\ntitle = "{title}{n}"\n[[tasks.lines]]\nlead_units = ["甲局", "乙局"]\n'
        f'checkpoints = [{{ due = "2023-06-30", text = "过半" }}]\n'
        f'[[tasks.lines.indicators]]\nname = "指标{n}"\nunit = "个"\ntarget = {target}\nmilestones = ['
        f'{{ due = "2023-03-31", target = {target // 4} }}, {{ due = "2023-06-30", target = {target // 2} }}, '
        f'{{ due = "2023-09-30", target = {target * 3 // 4} }}]\n'
        for n in range(1, tasks + 1)
    )


def test_a_plan_is_written_set_based_not_a_query_per_row(cli, tmp_path):
    """New tasks, lines and indicators go in a level at a time (their ids are needed below them): on PostgreSQL
    by multi-row INSERT … RETURNING, a thousand rows a statement; on SQLite, where SQLAlchemy cannot vouch for
    the order RETURNING gives and ran the statement once a row, the ids are the ones SQLite would give (the
    largest + 1 onwards) written with the rows, one executemany. Everything else, and every row of an update,
    is one statement per table; each row lands under its own parent."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    statements = []

    def count(*_):
        statements.append(1)

    assert cli("import", "plan", str(write_plan(tmp_path / "first.toml", _plan_of(1, "建", 4), "first-2023"))).exit_code == 0
    event.listen(Engine, "before_cursor_execute", count)  # after the schema is made
    try:
        made, changed = {}, {}
        for tasks in (10, 60):
            code = f"p{tasks}-2023"
            statements.clear()
            assert cli("import", "plan", str(write_plan(tmp_path / f"{code}.toml", _plan_of(tasks, "新建", 40), code))).exit_code == 0
            made[tasks] = len(statements)
            statements.clear()
            assert cli("import", "plan", str(write_plan(tmp_path / f"{code}.toml", _plan_of(tasks, "改建", 80), code))).exit_code == 0
            changed[tasks] = len(statements)
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert made[60] - made[10] == 0
    assert changed[60] - changed[10] < 10  # reading the old plan to compare may take a few more; writing takes none
    shown = json.loads(cli("show", "p60-2023/60", "--format", "json").stdout)
    assert shown["title"] == "改建60" and shown["lead_units"] == ["甲局", "乙局"]
    assert [m["target"] for m in shown["indicators"][0]["milestones"]] == [20, 40, 60]
    for ref in ("p60-2023/1", "p60-2023/37"):
        shown = json.loads(cli("show", ref, "--format", "json").stdout)
        assert (shown["title"], shown["indicators"][0]["name"]) == ("改建" + ref[9:], "指标" + ref[9:])
