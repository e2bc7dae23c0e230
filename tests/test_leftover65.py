"""leftover65: the last session's leftovers: the status's rules, `report diff` over older and renamed reports,
`history`'s JSON and columns, the hidden-sheet check's reader."""

import json
import re

from .conftest import done, plan_task, plan_tasks, write_plan


def _programme(cli, tmp_path, code: str, lead: str = "甲局", extra: str = "") -> None:
    body = plan_tasks(plan_task("1", "学位建设", lead, "学位", "个", 100, milestones=[("2023-06-30", 50)]))
    done(cli("import", "plan", str(write_plan(tmp_path / f"{code}.toml", body, code=code, extra=extra))))


# --- 1: the status over programmes of different rules --------------------------------------------------------------

def test_the_status_over_programmes_of_different_rules_says_whose_is_which(cli, tmp_path):
    _programme(cli, tmp_path, "big-2023")
    _programme(cli, tmp_path, "dist-2023", extra='rule = "pro-rata"')
    zh = cli("--lang", "zh", "status", "--as-of", "2023-05-20", env={"COLUMNS": "200"})
    done(zh)
    title = re.sub(r"\s*\n\s*", "", zh.stdout.split(" 任务")[0])  # folded at the table's width
    assert "截至 2023-05-20 · dist-2023 按序时进度（pro-rata）计算，big-2023 按已过节点目标（step）计算" in title
    rows = json.loads(cli("status", "--as-of", "2023-05-20", "-f", "json").stdout)
    assert {row["programme"]: row["rule"] for row in rows} == {"big-2023": "step", "dist-2023": "pro-rata"}
    one = cli("--lang", "zh", "status", "--as-of", "2023-05-20", "-p", "dist-2023", env={"COLUMNS": "200"})
    done(one)
    assert "，按序时进度" in one.stdout and "step" not in one.stdout  # one rule: said as before
    step = cli("--lang", "zh", "status", "--as-of", "2023-05-20", "--rule", "step", env={"COLUMNS": "200"})
    done(step)
    assert "pro-rata" not in step.stdout and "序时进度" not in step.stdout


# --- 2: `report diff` of a weekly report frozen before pro_rata could be null ------------------------------------------

def _write(cli, query: str, **values) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text(query), values)
    engine.dispose()


def _frozen_as_older(cli, **said) -> None:
    """The frozen weekly as an mstrack before trial64 F9 wrote it: no programme_rules, pro_rata as `said`."""
    stored = json.loads(cli.sql("SELECT content FROM report_snapshot WHERE id = 1")[0][0])
    stored.pop("programme_rules", None)
    stored.update(said)
    _write(cli, "UPDATE report_snapshot SET content = :c WHERE id = 1", c=json.dumps(stored, ensure_ascii=False))


def test_report_diff_of_a_weekly_frozen_when_mixed_rules_said_false_finds_no_change_in_its_rule(cli, tmp_path):
    _programme(cli, tmp_path, "big-2023")
    _programme(cli, tmp_path, "dist-2023", extra='rule = "pro-rata"')
    done(cli("report", "weekly", "--as-of", "2023-05-20", "-f", "json", "--freeze"))
    _frozen_as_older(cli, pro_rata=False)
    done(cli("log", "big-2023/1", "30", "--as-of", "2023-06-10"))  # a write since, after the report's day
    result = cli("report", "diff", "1")
    assert result.exit_code == 0 and result.exception is None, result.stdout
    assert "pro rata" not in result.stdout and "0 changes since it was sent" in result.stdout
    data = json.loads(cli("report", "diff", "1", "-f", "json").stdout)
    assert data["changes"] == [] and data["form_differences"] == [] and data["writes_since"] >= 1
    _frozen_as_older(cli, pro_rata=True)  # an older "every row pro-rata": today's mixed rules are a change
    changed = cli("report", "diff", "1", "-f", "json")
    assert changed.exit_code == 1
    assert [c for c in json.loads(changed.stdout)["changes"] if c["path"] == "pro_rata"] == [
        {"path": "pro_rata", "sent": True, "now": False}]


# --- 3: `report diff` of a unit renamed twice ---------------------------------------------------------------------------

def test_report_diff_says_a_unit_renamed_twice_by_its_whole_chain(cli, tmp_path):
    _programme(cli, tmp_path, "c-2023")
    done(cli("log", "c-2023/1", "10", "--as-of", "2023-04-07"))
    done(cli("--lang", "zh", "report", "weekly", "--as-of", "2023-04-14", "--freeze", "-f", "json"))
    _programme(cli, tmp_path, "c-2023", lead="乙局")  # 甲局 → 乙局
    _programme(cli, tmp_path, "c-2023", lead="丙局")  # → 丙局
    result = cli("--lang", "zh", "report", "diff", "1")
    assert result.exit_code == 1 and result.exception is not None
    assert "单位汇总 甲局：已不在报告中：已更名为 乙局 → 丙局（原为 1项任务：" in result.stdout, result.stdout
    assert "单位汇总 丙局：新增（由 甲局 → 乙局 更名）：1项任务：" in result.stdout
    paths = {change["path"] for change in json.loads(cli("report", "diff", "1", "-f", "json").stdout)["changes"]}
    assert {"units[甲局]", "units[丙局]"} <= paths and not any("乙局" in path for path in paths)


# --- 5: `history`'s 录入人 where no login was recorded ---------------------------------------------------------------------

def test_history_shows_entered_by_only_where_some_entry_has_a_login(cli, tmp_path):
    _programme(cli, tmp_path, "h-2023")
    done(cli("log", "h-2023/1", "10", "--as-of", "2023-04-07"))
    done(cli("log", "h-2023/1", "12", "--as-of", "2023-04-07"))
    wide = {"COLUMNS": "220"}
    assert "Entered by" in cli("--lang", "en", "history", "h-2023/1", env=wide).stdout.splitlines()[1]
    _write(cli, 'UPDATE batch SET "user" = NULL')  # a store that kept no login
    shown = cli("--lang", "en", "history", "h-2023/1", env=wide)
    done(shown)
    header = shown.stdout.splitlines()[1]
    assert "Entered by" not in header and "Entered" in header and "Batch" in header
    assert "Left out" not in shown.stdout  # not said as left out: there is nothing in it
    rows = json.loads(cli("history", "h-2023/1", "-f", "json").stdout)
    assert len(rows) == 2 and all("entered_by" in row and row["entered_by"] is None for row in rows)
    _write(cli, "UPDATE batch SET \"user\" = 'wang' WHERE id = (SELECT max(batch_id) FROM report)")  # one row has one
    again = cli("--lang", "en", "history", "h-2023/1", env=wide)
    assert "Entered by" in again.stdout.splitlines()[1] and "wang" in again.stdout


# --- 6: the hidden-sheet check through the one workbook reader -----------------------------------------------------------

def test_the_hidden_sheet_check_opens_the_workbook_as_every_read_does(tmp_path, monkeypatch):
    """A calamine panic (pyo3's PanicException, a BaseException) while the sheet chooser reads which sheets are hidden is
    said as any reader's (workbooks._opened), never a traceback: the check says none hidden, the refusal stands."""
    import pytest
    from openpyxl import Workbook

    from mstrack.errors import InputError
    from mstrack.sources import files, workbooks
    from mstrack.sources.progress import COLUMNS, REQUIRED, UNIT_WORDS
    from mstrack.sources.progress_sheets import progress_sheet

    header = ["计划", "任务编号", "指标", "截至日期", "数值"]
    book = Workbook()
    book.active.title = "报送"
    book.active.append(header)
    book.active.append(["x-2023", "1", "新建道路", "2023-07-31", 3])
    old = book.create_sheet("旧数据")
    old.append(header)
    old.append(["x-2023", "1", "新建道路", "2023-06-30", 2])
    old.sheet_state = "hidden"
    path = tmp_path / "r.xlsx"
    book.save(path)
    with pytest.raises(InputError, match="'旧数据' is hidden"):
        progress_sheet(path, COLUMNS, REQUIRED, UNIT_WORDS, [])

    class PanicException(BaseException):
        pass

    def panics(_path):
        raise PanicException("called `Option::unwrap()` on a `None` value")

    monkeypatch.setattr(files, "calamine_workbook", panics)  # where the check opened calamine itself
    monkeypatch.setattr(workbooks, "calamine_workbook", panics)  # the one reader's
    with pytest.raises(InputError, match="each hold a progress table with figures: name the one") as refusal:
        progress_sheet(path, COLUMNS, REQUIRED, UNIT_WORDS, [])
    assert "Unhide" not in str(refusal.value)
    assert workbooks.hidden_sheet_names(path) == set()
