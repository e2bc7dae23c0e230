"""trial65's findings 6, 7, 9-17: a return's dates and cells as spreadsheets write them, the annual report of a year not
over, and the CLI's smaller ones."""

import json

import pytest

from mstrack.domain.dates import DateError, parse_date

from .conftest import done, plan_task, plan_tasks, refused, write_plan


def _programme(cli, tmp_path, code: str = "city-2023", lead: str = "区住建局") -> None:
    body = plan_tasks(plan_task("2", "建设保障性住房", lead, "建设保障性住房", "套", 500,
                                milestones=[("2023-06-30", 200)]),
                      plan_task("3", "老旧小区改造", "区民政局", "改造老旧小区", "个", 40))
    done(cli("import", "plan", str(write_plan(tmp_path / f"{code}.toml", body, code=code))))


def _csv(tmp_path, rows: str, name: str = "r.csv", encoding: str = "gbk"):
    path = tmp_path / name
    path.write_bytes(("计划,任务编号,指标,截至日期,数值\r\n" + rows).encode(encoding))
    return path


# --- 6: "2023.1" is January, or 2023.10 saved by Excel as a number ---------------------------------------------------

@pytest.mark.parametrize("text", ["2023.1", "２０２３．１"])
def test_a_year_and_one_after_the_dot_is_january_or_october_and_neither_is_guessed(text):
    with pytest.raises(DateError) as refusal:
        parse_date(text, 2023)
    said = str(refusal.value)
    assert "January or October" in said and "2023-01" in said and "2023-10" in said, said
    assert "2023-01-31" in said and "2023-10-31" in said, said


@pytest.mark.parametrize(("text", "day"), [("2023.01", "2023-01-31"), ("2023.10", "2023-10-31"),
                                           ("2023.2", "2023-02-28"), ("2023年1月", "2023-01-31"),
                                           ("2023.1.5", "2023-01-05")])
def test_dates_that_are_one_month_read_as_before(text, day):
    assert str(parse_date(text, 2023)) == day


def test_a_csv_return_dated_2023_1_is_refused_naming_both_months_and_stores_nothing(cli, tmp_path):
    _programme(cli, tmp_path)
    path = _csv(tmp_path, "city-2023,3,改造老旧小区,2023.1,30\r\n")
    result = cli("import", "progress", str(path))
    refused(result, "r.csv:2:截至日期", "January or October", "2023-10")
    shown = cli("history", "city-2023/3", "-f", "json")
    done(shown)
    assert json.loads(shown.stdout) == []
