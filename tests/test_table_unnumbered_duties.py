"""held56a: a part sharing the work out as unnumbered paragraphs, each opened by its party and a colon with the party's
duties numbered inside it ("城乡管理处：统筹…：1.…；2.…。"), each a task coded by its place in the part (五1), titled by
its whole words; and a part of stages that are headings dated by their span over items "1.name。…" (六(一)1), due at
their stage's end."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import NoLayoutError
from mstrack.sources.table.numbering import title_code
from mstrack.sources.table.titles import runs_in

from .conftest import text_tasks

TITLE = ["某片区生活垃圾分类实施工作方案", "一、工作目标", "到2020年底，全面推行生活垃圾分类。"]
DUTIES = [
    "二、工作职责",
    "城乡管理处（分类办）：统筹开展分类工作：1.制定实施方案；2.牵头组织分类屋建设。",
    "党政办公室：1.负责督查各村居工作；2.做好专项资金保障工作。",
    "社会事业处：协助做好学校、医院等场所分类工作。",
    "小区物业公司：承担小区内公共场所的分类工作。",
]
STAGES = [
    "三、实施步骤",
    "（一）前期准备阶段（6月15日-8月15日前）",
    "1.成立领导小组。成立工作领导小组。",
    "2.开展业务培训。组织村居工作人员培训。",
    "（二）组织试点阶段（7月1日—8月31日）",
    "1.确定试点单位。选定两个小区作为试点单位。",
    "（三）持续推广阶段（9月1日—12月31日）",
    "1.细化完善方案。各村居制定具体的实施细案。",
    "2.检查落实情况。组织检查、考评并督促整改。",
]


def test_unnumbered_duties_are_tasks_coded_in_their_part(tmp_path):
    tasks = text_tasks(tmp_path, [*TITLE, *DUTIES], 2020)
    assert [t.code for t in tasks] == ["二1", "二2", "二3", "二4"]
    assert [t.lines[0].lead_units for t in tasks] == [["城乡管理处（分类办）"], ["党政办公室"], ["社会事业处"], ["小区物业公司"]]
    # the duties numbered inside the paragraph keep their numbers: "1." opens them, not the task's number
    assert tasks[0].title == "统筹开展分类工作：1.制定实施方案；2.牵头组织分类屋建设。"
    assert tasks[1].title == "1.负责督查各村居工作；2.做好专项资金保障工作。"


def test_stage_headings_over_items_date_them(tmp_path):
    tasks = text_tasks(tmp_path, [*TITLE, *DUTIES, *STAGES], 2020)
    staged = [t for t in tasks if t.code.startswith("三")]
    assert [t.code for t in staged] == ["三(一)1", "三(一)2", "三(二)1", "三(三)1", "三(三)2"]
    assert [t.deadline for t in staged] == [date(2020, 8, 15)] * 2 + [date(2020, 8, 31)] + [date(2020, 12, 31)] * 2
    assert staged[0].title == "成立领导小组。成立工作领导小组。"
    assert len([t for t in tasks if t.code.startswith("二")]) == 4


def test_paragraphs_of_other_labels_are_no_duties(tmp_path):
    """Lines "时间：…" "地点：…" under a part of duties name no party: no duties, the file refused as before."""
    lines = [*TITLE, "二、工作职责", "时间：2020年6月至12月。", "地点：各村居活动室。", "内容：宣传垃圾分类知识。",
             "要求：各单位高度重视。"]
    with pytest.raises(NoLayoutError, match="no header row found"):
        text_tasks(tmp_path, lines, 2020)


def test_run_in_points_keep_their_number():
    assert runs_in("1.负责督查；2.做好保障。", title_code("1.负责督查；2.做好保障。"))
    assert not runs_in("1.新增社区老年食堂3家", title_code("1.新增社区老年食堂3家"))
    assert not runs_in("2.负责督查；3.做好保障。", title_code("2.负责督查；3.做好保障。"))
