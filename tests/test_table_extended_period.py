"""held56a: a notice whose part naming the time of the work extends it to a later year's day ("时间延长至2022年12月31
日") dates every task at that day; "各片区管理局、各相关企业要…" names the 局 as the doer (the companies a kind left
open); a standard's edition ("（2017版）") is no target."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.figure_spans import figure_spans
from mstrack.sources.table.list_deadlines import period_part

from .conftest import text_tasks

NOTICE = [
    "某局关于继续深入开展有限空间专项整治工作的通知",
    "各片区管理局、各相关企业：",
    "一、目标任务",
    "全面开展有限空间安全隐患大排查大整治。",
    "二、时间安排",
    "将专项整治时间延长至2022年12月31日（与三年行动计划一致）。",
    "三、整治重点与要求",
    "（一）切实提高认识加强领导。事故易发多发，各片区管理局、各相关企业要切实提高认识，强化组织领导。",
    "（二）强化辨识确认工作。有关企业要对所有有限空间进行一次全面排查确认。",
    "（三）加强执法监督。《重大事故隐患判定标准（2017版）》将有关情形列为重大隐患，一律挂牌督办。",
]


def test_extended_period_dates_every_task(tmp_path):
    tasks = text_tasks(tmp_path, NOTICE, 2020)
    assert [t.code for t in tasks] == ["三(一)", "三(二)", "三(三)"]
    assert [t.deadline for t in tasks] == [date(2022, 12, 31)] * 3
    assert tasks[0].lines[0].lead_units == ["各片区管理局"]
    assert not any(line.indicators for t in tasks for line in t.lines)


def test_period_extended_to_an_earlier_year_is_none():
    assert period_part(["二、时间安排", "将专项整治时间延长至2022年12月31日。", "三、要求"], 2020)[0] == "2022年12月31日"
    assert period_part(["二、时间安排", "将专项整治时间延长至2019年12月31日。", "三、要求"], 2020) is None


def test_edition_is_no_figure():
    assert figure_spans("《判定标准（2017版）》将情形列为重大隐患") == []
    assert figure_spans("《判定标准（2020年版）》") == []
    assert len(figure_spans("新建2017个停车位")) == 1
