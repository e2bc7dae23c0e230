"""Issue 13, read47e: the held-back pingtan sets. Items each closing with "（A、B等按职责分工负责）" where a short name
of two characters ("科协") closes the list; labelled lines under each heading with the label's characters spaced out
to a column's width ("链    长："); duties opened by the office's name "（一）X处：…"; the lead named in an item's words
("由X牵头，Y配合")."""

from __future__ import annotations

from mstrack.sources.table.units import unit_names

from .conftest import convert_written

PLAN_TITLE = "某区推进气象工作高质量发展实施方案"
SHARED_PLAN = [
    PLAN_TITLE, "三、主要任务",
    "（一）监测能力建设。更新完善风廓线雷达等探测设备，建设自动气象观测站5个。（区气象局、执法应急局等按职责分工负责）",
    "（二）指挥能力建设。建立精细到乡镇的干旱灾害风险区划，更新作业指挥终端2套。（区气象局、农业农村局按职责分工负责）",
    "（三）科普能力建设。开展多种形式的科普教育，建设科普场馆1个。（区气象局、公安局、科协等按职责分工负责）",
]


def _read(tmp_path, lines: list[str], name: str = "plan.txt", year: int = 2021):
    return convert_written(tmp_path, name, "\n".join(lines) + "\n", year).programme.tasks


def test_a_short_name_closing_a_list_with_deng_is_a_unit():
    """"科协等按职责分工负责": the short name of two characters is the unit, 等 the others the list does not name,
    the role after it no part of its name."""
    assert unit_names("区执法应急局、科协等按职责分工负责") == ["区执法应急局", "科协"]


def test_items_each_closing_with_offices_by_their_duties_are_read_whatever_short_name_closes_them(tmp_path):
    """"（…、科协等按职责分工负责）": every item names its offices, so the plan's items are a work list."""
    tasks = _read(tmp_path, SHARED_PLAN)
    assert [t.code for t in tasks] == ["三(一)", "三(二)", "三(三)"]
    assert tasks[2].lines[0].lead_units == ["区气象局", "公安局", "科协"]


CHAINS = [
    "某区重点产业“链长制”工作方案", "一、产业链链长工作专班",
    "（一）物流贸易产业链", "链    长：陈某（区党工委书记）", "牵头单位：区经发局", "配合单位：各片区管理局，区交建局",
    "（二）数字经济产业链", "链    长：林某（区党工委副书记）", "王某某（区管委会副主任）",
    "牵头单位：区审批局", "配合单位：区经发局、宣传办",
    "（三）大健康产业链", "链    长：黄某（区党工委副书记）",
    "牵头单位：区社会事业局（牵头医疗医美板块）、区市场监管局（牵头医药器械板块）", "配合单位：区旅游文体局",
    "二、工作要求", "各牵头单位要以推动项目落地为目标，明确工作任务。",
]


def test_an_offices_share_in_a_bracket_after_its_name_is_no_part_of_it():
    """"区社会事业局（牵头医疗医美板块）": the office; the bracket says which part it leads."""
    assert unit_names("区社会事业局（牵头医疗医美板块）、区市场监管局（牵头医药器械板块）") == ["区社会事业局", "区市场监管局"]


def test_headings_over_labelled_lines_with_a_spaced_label_are_read_each_a_task(tmp_path):
    """"（一）物流贸易产业链" over "链    长：…" (the label spaced out to a column's width, a second person on the line
    under it), "牵头单位：…" and "配合单位：…": each heading a task, led by its 牵头单位, helped by its 配合单位."""
    tasks = _read(tmp_path, CHAINS, year=2020)
    assert [t.title for t in tasks] == ["物流贸易产业链", "数字经济产业链", "大健康产业链"]
    assert [t.lines[0].lead_units for t in tasks] == [["区经发局"], ["区审批局"], ["区社会事业局", "区市场监管局"]]
    assert [sorted(t.lines[0].units) for t in tasks] == [["区交建局", "各片区管理局"], ["区经发局", "宣传办"], ["区旅游文体局"]]
