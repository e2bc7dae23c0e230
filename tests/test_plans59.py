"""plans59: what cancel57 left. A cancelled task (已取消) said in the printed and saved reports and in a frozen one, and
`show --format json` saying it; the plan changes of a revision imported in the week in the weekly report's 变化; an
undo of an undo refused where it would bring reports back onto a cancelled task; a return's row naming a cancelled
task told so, not sent to the task that took its code."""

import json
from datetime import date

from openpyxl import load_workbook

from .conftest import done, refused
from .test_cancel57 import _logged
from .test_fixplan57 import _five, _plan


def _cancelled(cli, tmp_path) -> int:
    """4 (口袋公园, 1 report) cancelled by a revision that gives its code to 5 (充电桩): the revision's batch."""
    _logged(cli, tmp_path)
    done(cli("import", "plan", str(_plan(tmp_path, "rev2.toml", *_five(drop_parks=True)))))
    return json.loads(cli("batches", "-f", "json").stdout)[0]["id"]


def test_the_weekly_report_says_the_cancelled_tasks_and_the_weeks_plan_changes_in_every_format(cli, tmp_path):
    batch = _cancelled(cli, tmp_path)
    today = date.today().isoformat()  # the revision's batch is of today: in the week the report covers
    data = json.loads(cli("report", "weekly", "-p", "city-2026", "--as-of", today, "-f", "json").stdout)
    assert data["cancelled"] == [{"programme": "city-2026", "task": f"4~{batch}", "code": "4", "title": "建设口袋公园20个",
                                  "batch": batch, "cancelled_on": today, "source": "rev2.toml", "reports": 1,
                                  "lead_units": ["市城管局"]}]
    assert all(row["task"] != f"4~{batch}" for row in data["changes"]["reports"] + data["behind"])  # still not counted
    said = [row["change"] for row in data["changes"]["plan"]]
    assert said[0] == "task city-2026/4 cancelled (已取消): 建设口袋公园20个: its 1 report kept, not counted", said
    assert any(change.startswith("task city-2026/5 → city-2026/4: 建设充电桩1000个") for change in said), said
    assert {row["batch"] for row in data["changes"]["plan"]} == {batch}
    for suffix in ("md", "html", "csv"):
        out = tmp_path / f"周报.{suffix}"
        done(cli("--lang", "zh", "report", "weekly", "-p", "city-2026", "--as-of", today, "-o", str(out)))
        text = out.read_text(encoding="utf-8")
        assert "已取消任务" in text and f"4~{batch}" in text and "建设口袋公园20个" in text, (suffix, text)
        assert "计划调整" in text and "任务 city-2026/4 已取消" in text, (suffix, text)
    book = tmp_path / "周报.xlsx"
    done(cli("--lang", "zh", "report", "weekly", "-p", "city-2026", "--as-of", today, "-o", str(book)))
    sheet = load_workbook(book)["已取消任务"]
    assert [c.value for c in sheet[2]][:4] == [f"4~{batch}", "建设口袋公园20个", "4", batch]
    assert sheet.cell(row=2, column=6).value == 1
    shown = cli("--lang", "zh", "report", "weekly", "-p", "city-2026", "--as-of", today)
    done(shown)
    assert "已取消任务" in shown.stdout and "建设口袋公园20个" in shown.stdout, shown.stdout


def test_a_frozen_weekly_report_keeps_its_cancelled_section_and_a_week_without_revision_lists_no_plan_change(cli, tmp_path):
    batch = _cancelled(cli, tmp_path)
    done(cli("report", "weekly", "-p", "city-2026", "--as-of", "2026-07-03", "--freeze"))
    sent = json.loads(cli.sql("select content from report_snapshot")[0][0])
    assert [(row["task"], row["batch"]) for row in sent["cancelled"]] == [(f"4~{batch}", batch)]
    assert sent["changes"]["plan"] == []  # the revision was not imported in that week
    done(cli("undo", str(batch)))  # the task back: the frozen report differs from today's by its section
    diff = cli("report", "diff", "-f", "json")
    assert diff.exit_code == 1, diff.output
    assert "cancelled" in json.dumps(json.loads(diff.stdout)["changes"]), diff.stdout
    said = cli("--lang", "zh", "report", "diff")
    gone = f"已取消任务 city-2026/4~{batch}：已不在报告中（原为 建设口袋公园20个）"  # named as printed
    assert said.exit_code == 1 and gone in said.stdout, said.stdout
    week = json.loads(cli("report", "weekly", "-p", "city-2026", "--as-of", date.today().isoformat(), "-f", "json").stdout)
    changes = [row["change"] for row in week["changes"]["plan"]]
    assert "task city-2026/4 cancelled (已取消): 建设口袋公园20个: kept with its reports, not counted" in changes, changes
    assert (f"task city-2026/4 no longer cancelled (batch {batch} had cancelled it): 建设口袋公园20个: its reports count "
            "again") in changes, changes
    assert not any("removed" in change or " added" in change for change in changes), changes  # not read off the plans
    assert week["cancelled"] == []


def test_show_json_says_a_task_is_cancelled(cli, tmp_path):
    batch = _cancelled(cli, tmp_path)
    shown = json.loads(cli("show", f"city-2026/4~{batch}", "-f", "json").stdout)
    assert (shown["cancelled"], shown["cancelled_by"]) == (True, batch)
    other = json.loads(cli("show", "city-2026/4", "-f", "json").stdout)
    assert (other["cancelled"], other["cancelled_by"]) == (False, None)


def test_an_undo_of_an_undo_that_would_bring_reports_onto_a_cancelled_task_is_refused(cli, tmp_path):
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *_five()))))
    done(cli("log", "city-2026/4", "8", "-i", "公园", "--as-of", "2026-06-30"))
    done(cli("log", "city-2026/4", "12", "-i", "公园", "--as-of", "2026-07-31"))
    batches = lambda: [row["id"] for row in json.loads(cli("batches", "-f", "json").stdout)]  # noqa: E731
    logged = batches()[0]
    done(cli("undo", str(logged)))
    undo = batches()[0]
    done(cli("import", "plan", str(_plan(tmp_path, "rev.toml", *_five()[::2]))))  # 4 cancelled, its 1 report kept
    cancel = batches()[0]
    for forced in ((), ("--force",)):
        refused(cli("undo", str(undo), *forced), "onto city-2026/4 (建设口袋公园20个), cancelled (已取消) by batch "
                f"{cancel}", f"`mstrack undo {cancel}`")
    assert sorted(v for (v,) in cli.sql("select value from report")) == [8, 12]
    assert cli.sql("select count(*) from report_retraction") == [(1,)]  # nothing written
    assert batches()[0] == cancel
    done(cli("undo", str(cancel)))  # the task back, then its report logged anew
    done(cli("log", "city-2026/4", "12", "-i", "公园", "--as-of", "2026-07-31"))
    status = json.loads(cli("status", "-p", "city-2026", "--as-of", "2026-08-01", "-f", "json").stdout)
    rows = status["rows"] if isinstance(status, dict) else status
    assert [r["actual"] for r in rows if r["task"] == "4"] == [12]


def test_a_returns_row_naming_a_cancelled_task_is_told_it_is_cancelled_not_sent_to_the_task_that_took_its_code(cli, tmp_path):
    batch = _cancelled(cli, tmp_path)
    why = f"city-2026/4~{batch} (建设口袋公园20个) was cancelled (已取消) by batch {batch}"
    rows = {"own": f"计划,任务编号,指标,截至日期,数值\ncity-2026,4~{batch},公园,2026-07-31,12\n",
            "old": "计划,任务编号,指标,截至日期,数值\ncity-2026,4,公园,2026-07-31,12\n",
            "titled": "计划,任务编号,工作任务,指标,截至日期,数值\ncity-2026,4,建设口袋公园20个,公园,2026-07-31,12\n"}
    said = {}
    for name, text in rows.items():
        form = tmp_path / f"{name}.csv"
        form.write_text(text, encoding="utf-8")
        said[name] = refused(cli("import", "progress", str(form)))
    assert why in said["own"] and "did you mean" not in said["own"], said["own"]  # was "did you mean: 4"
    assert why in said["old"] and "moved it" not in said["old"], said["old"]  # was "'公园' is now …4~5 (batch moved it)"
    assert f"names task 4~{batch}, cancelled (已取消) by batch {batch}" in said["titled"], said["titled"]
    assert "names no task" not in said["titled"]
    assert sorted(v for (v,) in cli.sql("select value from report")) == [8, 20, 400]


def test_the_half_year_and_annual_lists_say_the_cancelled_tasks_under_their_summary(cli, tmp_path):
    batch = _cancelled(cli, tmp_path)
    said = f"已取消：4~{batch} 建设口袋公园20个（原编号 4，批次 {batch} 于 {date.today().isoformat()} 取消），保留报送 1 条，不计入"
    for suffix in ("md", "html"):
        out = tmp_path / f"一览表.{suffix}"
        done(cli("--lang", "zh", "report", "half-year", "-p", "city-2026", "--as-of", "2026-07-03", "-o", str(out)))
        assert said in out.read_text(encoding="utf-8"), suffix
    from docx import Document

    out = tmp_path / "一览表.docx"
    done(cli("--lang", "zh", "report", "annual", "-p", "city-2026", "--as-of", "2026-12-31", "-o", str(out)))
    assert said in [paragraph.text for paragraph in Document(str(out)).paragraphs]
    data = json.loads(cli("report", "annual", "-p", "city-2026", "--as-of", "2026-12-31", "-f", "json").stdout)
    assert [(row["task"], row["reports"]) for row in data["cancelled"]] == [(f"4~{batch}", 1)]
    assert all(row["code"] != f"4~{batch}" for area in data["areas"] for row in area["tasks"])


def test_a_cancelled_tasks_plan_history_says_it_cancelled_not_removed(cli, tmp_path):
    _logged(cli, tmp_path)
    done(cli("import", "plan", str(_plan(tmp_path, "rev.toml", *_five()[::2]))))  # 4 cancelled under its own code
    shown = json.loads(cli("show", "city-2026/4", "-f", "json").stdout)
    assert shown["cancelled"] is True
    assert [c["change"] for c in shown["plan_changes"]] == [
        "task city-2026/4 cancelled (已取消): 建设口袋公园20个: kept with its reports, not counted"], shown["plan_changes"]
