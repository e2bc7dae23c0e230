"""Issue 13, runs47: a document of two numbered runs under different headings ("二、整治内容" then "四、职责分工"), each of
whose items is work with its offices, reads every run, each coded by its headings; a run of goals or of closing points
naming no office stays out. A duty paragraph opened by its offices ("1.区旅游文体局、旅游文化中心。指导景区…") is led by
them; a group's heading over one unnumbered paragraph with its offices' bracket ("（五）乡镇船舶" over "…。（A、B按职责分工
负责）") is the group's one task, coded by the heading (二(五))."""

from __future__ import annotations

from .conftest import convert_written

TITLE = "某区景区安全管理专项整治工作方案"


def _tasks(tmp_path, lines: list[str], year: int = 2021):
    return convert_written(tmp_path, "plan.txt", "\n".join([TITLE, *lines]) + "\n", year).programme.tasks


WORK = ["一、总体要求", "压实安全责任。", "二、整治内容", "重点加强景区安全管理。", "（一）景区",
        "1.健全完善安全生产和应急管理制度。", "2.加强大型游乐设施的管理和维护保养。",
        "3.在危险区域设置安全警示标识。（区旅游文体局、旅游文化中心负责，各相关责任单位配合）",
        "（二）非景区景点", "1.在涉水隐患重点区域设置安全警示标识标牌。（区资源生态局负责，各片区管理局配合）",
        "2.加强沙滩、礁石等区域管理。（区执法应急局、城乡交建中心负责，片区管理局配合）"]
WORK_CODES = ["二(一)1", "二(一)2", "二(一)3", "二(二)1", "二(二)2"]
DUTIES = ["三、实施步骤", "本方案自印发之日起开展为期3个月专项整治。",
          "四、工作机制及职责分工", "（一）属地职责", "各片区管理局要严格落实属地管理主体责任，加强安全巡查。", "（二）部门职责"]
TWO_RUNS = [*WORK, *DUTIES, "1.加强景区治安管理，及时查处违法犯罪行为。（区公安局负责）",
            "2.做好灾害性天气的预测预报，及时发布预警信息。（区气象局负责）"]


DUTY_LINES = ["1.区旅游文体局、旅游文化中心。指导景区弹性采取限流等措施，科学设置景区游客接待上限。",
              "2.区执法应急局：统筹、协调、推动景区安全管理专项整治。", "3.区气象局。完善涉客水域气象监测点建设。"]


def test_a_duty_paragraph_opened_by_its_offices_is_led_by_them(tmp_path):
    """"1.区旅游文体局、旅游文化中心。指导景区…", "2.区执法应急局：统筹…": the offices before the stop or the colon lead,
    every one of them; the title is the duty after them."""
    tasks = _tasks(tmp_path, [*WORK[:4], "（一）部门职责", *DUTY_LINES, "（二）景区", *WORK[5:8]])
    assert [t.lines[0].lead_units for t in tasks[:3]] == [["区旅游文体局", "旅游文化中心"], ["区执法应急局"], ["区气象局"]]
    assert [t.lines[0].units for t in tasks[:3]] == [[], [], []]
    assert tasks[0].title == "指导景区弹性采取限流等措施，科学设置景区游客接待上限。"
    assert tasks[1].title == "统筹、协调、推动景区安全管理专项整治。"


def test_one_item_opened_by_a_name_among_items_that_are_not_is_left_as_printed():
    """"1.成立领导小组。…" beside "2.加强…": no list of duties, so the words before the stop are no office leading it;
    a whole group so opened is ("1.区公安局。…", "2.区气象局：…")."""
    from mstrack.sources.table.list_numbered import entry_of
    from mstrack.sources.table.list_roles import duty_openings
    from mstrack.sources.table.reading import Row

    def entries(lines: list[str]):
        found = [entry_of(Row(k, [line])) for k, line in enumerate(lines, 1)]
        duty_openings(found)
        return [(e.text, e.labels) for e in found]

    mixed = entries(["1.成立领导小组。由区长任组长，统筹推进专项整治。", "2.加强景区治安管理，及时查处违法犯罪行为。"])
    assert mixed[0] == ("成立领导小组。由区长任组长，统筹推进专项整治。", {})
    duties = entries(["1.区公安局。加强景区治安管理。", "2.区气象局：完善气象监测点建设。"])
    assert duties == [("加强景区治安管理。", {"牵头单位": "区公安局"}), ("完善气象监测点建设。", {"牵头单位": "区气象局"})]
