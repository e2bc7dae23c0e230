"""ret48 (4): "the programme's year is over" is one rule (domain/dates.ReportWindow: over) for the January check of
`import progress` (a row after the year that lowers its year-end figure), and closed for the reports left without -p
(open_scope: a programme whose year and the January after are over). The shared edge: the year's last day is in it,
1 January after is the first day over."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mstrack.domain.dates import ReportWindow

from .conftest import done, refused
from .test_safe47b import january, standing
from .test_safe47c import _two_years


@pytest.mark.parametrize("on, over, closed", [
    (date(2023, 12, 31), False, False), (date(2024, 1, 1), True, False), (date(2024, 1, 31), True, False),
    (date(2024, 2, 1), True, True), (date(2023, 1, 1), False, False), (date(2022, 12, 31), False, False)])
def test_the_one_rule_of_a_programmes_year_being_over(on, over, closed):
    window = ReportWindow.of(2023)  # what the January check and open_scope ask (fixrev50: not a copy of it)
    assert window.over(on) is over
    assert window.closed(on) is closed


@pytest.mark.parametrize("day, lowered", [("2023-12-31", False), ("2024-01-01", True)])
def test_the_january_check_begins_on_the_first_day_after_the_programmes_year(cli, tmp_path, day, lowered):
    january(cli, tmp_path, 30)  # city-2023 and city-2024; city-2023 has 学位 1950 as of 2023-12-31
    done(cli("log", "city-2023/2", "1900", "--as-of", "2023-12-30", "--reason", "x"))
    (tmp_path / "edge.csv").write_text(f"任务编号,截至日期,数值\n2,{day},1800\n", encoding="utf-8")
    edge = str(tmp_path / "edge.csv")
    if day == "2023-12-31":  # the year's last day: a correction within the year, no year-end check
        result = cli("import", "progress", edge, "-p", "city-2023")
        done(result)
        assert "year-end" not in result.output
        assert standing(cli)[-1] == ("学位", "2023-12-31", 1800)
    else:
        refused(cli("import", "progress", edge, "-p", "city-2023"), "edge.csv:2", "year-end figure", "-p city-2024")
        assert standing(cli)[-1] == ("学位", "2023-12-30", 1900)


@pytest.mark.parametrize("on, left_out", [("2023-01-31", False), ("2023-02-01", True)])
def test_a_report_without_p_leaves_last_years_programme_out_after_its_january(cli, tmp_path, on, left_out):
    _two_years(cli, tmp_path)  # city-2022 and city-2023
    result = cli("report", "weekly", "--as-of", on, "--format", "json")
    done(result)
    data = json.loads(result.stdout)  # scope53: the JSON names it under left_out, its tasks not counted
    assert ("city-2022" not in data["programmes"]) is left_out
    assert (data["left_out"]["closed"] == ["city-2022"]) is left_out
    assert ("left out, their year is over" in result.stderr) is left_out
