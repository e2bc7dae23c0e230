"""The table reader's header rules join spans by the one set (review51 F4): a full-width hyphen, a wave dash or 到 in a
header's months ("1－9月份工作完成情况") or a 建设年限 cell's years ("2015－2017") read as "-" does."""

from __future__ import annotations

import pytest

from mstrack.sources.table.columns import column_kind
from mstrack.sources.table.group_columns import SPAN_RE


@pytest.mark.parametrize("join", ["-", "－", "～", "到", "至", "—"])
def test_a_reported_periods_months_are_joined_by_the_one_set(join):
    assert column_kind(f"1{join}9月份工作完成情况", 2023).kind == "progress"


@pytest.mark.parametrize("join", ["-", "－", "～", "到", "至"])
def test_a_projects_years_are_joined_by_the_one_set(join):
    assert (m := SPAN_RE.match(f"2015{join}2017")) and (m[1], m[2]) == ("2015", "2017")
