"""held67b: a request after a notice's list for the form its offices fill in, by one day ("请各片区管理局将申请表等有关
申报材料于2021年5月5日前统一报送区社会事业局"): the one item that fills the form in ("…填写…申请表…", its offices the ones
asked) is due that day; a form no item names, or several, dates nothing, nor does a request naming no form."""

from __future__ import annotations

from datetime import date

from mstrack.sources.table.list_deadlines import requested_deadlines

from .conftest import text_tasks

HEAD = [
    "某局关于做好2021年示范性老年友好社区创建工作的通知",
    "各片区管理局：",
    "为做好创建工作，现将有关事项通知如下：",
    "一、工作安排",
    "（一）逐级组织培训。区社会事业局将开展相关培训，指导各片区管理局规范开展创建工作。",
    "（二）社区自愿申报与片区级初核。符合条件的社区填写示范性老年友好型社区申请表（详见附件2）并在社区内公示，"
    "经各片区管理局初审通过后，报送区社会事业局。",
    "（三）区级复核与推荐。区社会事业局对各片区管理局提交的申请材料进行复核，填写推荐汇总表后向省卫生健康委推荐。",
    "二、工作要求",
    "（一）加强组织领导。要充分认识创建工作的重要意义，健全工作机制。",
]
SIGNATURE = ["某局", "2021年2月19日"]


def _deadlines(tmp_path, closing: str):
    tasks = text_tasks(tmp_path, [*HEAD, closing, *SIGNATURE], 2021)
    return {t.code: t.deadline for t in tasks}


def test_the_item_filling_the_form_in_is_due_the_requests_day(tmp_path):
    due = _deadlines(tmp_path, "请各片区管理局将申请表等有关申报材料于2021年5月5日前统一报送区社会事业局。")
    assert due["一(二)"] == date(2021, 5, 5)
    assert due["一(一)"] is None and due["一(三)"] is None


def test_a_form_no_item_names_dates_nothing(tmp_path):
    due = _deadlines(tmp_path, "请各片区管理局将活动情况统计表于2021年5月5日前报送区社会事业局。")
    assert due["一(二)"] is None and due["一(一)"] is None and due["一(三)"] is None


def test_the_form_of_an_item_other_offices_do_dates_nothing():
    header = ["序号", "项目名称", "项目内容", "责任单位"]
    rows = [["", "（一）填写申请表并公示。", "", "各片区管理局"], ["", "（二）填写推荐汇总表。", "", "区社会事业局"]]
    asked = "请各片区管理局将申请表于5月5日前报送区社会事业局。"
    _, cells, why = requested_deadlines(header, [list(r) for r in rows], [asked])
    assert [c[-1] for c in cells] == ["5月5日", ""] and list(why) == [0]
    _, cells, why = requested_deadlines(header, [list(r) for r in rows], [asked.replace("申请表", "推荐汇总表")])
    assert why == {} and cells == rows  # 推荐汇总表's item is 区社会事业局's, not the offices asked
    _, cells, why = requested_deadlines(header, [list(r) for r in rows], ["请各片区管理局将有关材料于5月5日前报送。"])
    assert why == {} and cells == rows  # no form named
