"""Issue 13, revfix11a: review11's findings on who leads and on refusing a plan as a report of results. Each rule on
a small synthetic case: a lead the reader does not know as an office, or a person; an explicit 牵头 anywhere in the
cell; offices listed with their own role in a bracket or with no stop; the role's words left on a name; a plan whose
introduction or title mentions another year's results or a reporting duty."""

from __future__ import annotations

import pytest

from .conftest import write_page

ITEMS = ["一、新建幼儿园3所，新增学位2700个。（责任单位：县教育局）", "二、改造老旧小区12个。（责任单位：县住建局）",
         "三、新建农村公路50公里。（责任单位：县交通运输局）", "四、新增城镇就业5000人。（责任单位：县人社局）"]


@pytest.mark.parametrize(("title", "intro"), [
    ("XX县2024年民生实事项目实施方案", "在认真总结2023年民生实事项目完成情况的基础上，经县政府研究，确定2024年民生实事项目如下："),
    ("XX县2024年民生实事项目安排（附2023年完成情况说明）", "经县政府研究，确定2024年民生实事项目如下："),
    ("XX县2024年民生实事项目实施方案", "各责任单位每月5日前报送落实情况，确定2024年民生实事项目如下："),
])
def test_a_plan_that_mentions_past_results_or_a_reporting_duty_is_read(tmp_path, title, intro):
    from mstrack.sources.table import convert_table

    path = write_page(tmp_path / "p.html", [title, intro, *ITEMS], title=title)
    conversion = convert_table(path, "x-2024", 2024)
    assert len(conversion.programme.tasks) == 4


def test_a_report_of_results_is_still_refused(tmp_path):
    from mstrack.errors import InputError
    from mstrack.sources.table import convert_table

    title = "XX县2023年民生实事项目完成情况"
    path = write_page(tmp_path / "p.html", [title, "2023年，县委、县政府确定的民生实事全部完成，具体如下：", *ITEMS], title=title)
    with pytest.raises(InputError, match="report of results"):
        convert_table(path, "x-2023", 2023)
