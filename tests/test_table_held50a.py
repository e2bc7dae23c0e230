"""Issue 13, held50a: prose plans of the forty-first and forty-second held-out sets that were refused at first contact.
Numbers printed as one character ("㈠", "⒈", "⑴") are read as the numbers they print ("（一）", "1.", "（1）")."""

from __future__ import annotations

from .conftest import convert_written

TITLE = "某区2016年渔业安全生产宣传教育实施方案"


def _tasks(tmp_path, lines: list[str], year: int = 2016):
    return convert_written(tmp_path, "plan.txt", "\n".join([TITLE, *lines]) + "\n", year).programme.tasks


ENCLOSED = ["一、总体要求", "全面加强安全生产宣传教育。", "二、主要任务及职责分工", "㈠大力宣传安全生产重大决策部署",
            "⒈积极宣传政策措施和重大决策部署。", "责任单位：各乡镇人民政府，区海洋与渔业执法支队。",
            "⒉突出宣传中心工作任务。", "责任单位：区海洋与渔业执法支队。", "㈡大力宣传安全生产法律法规",
            "⒊加强法律法规宣传。", "责任单位：各乡镇人民政府，区渔保协会。"]


def test_numbers_printed_as_one_character_number_the_items_and_their_groups(tmp_path):
    """"㈠" heads a group as "（一）" does and "⒈" numbers an item as "1." does: three tasks, numbered through the
    groups (1–3), each led by the offices of its 责任单位 line."""
    tasks = _tasks(tmp_path, ENCLOSED)
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert tasks[0].title.startswith("积极宣传政策措施和重大决策部署")
    assert tasks[1].lines[0].lead_units == ["区海洋与渔业执法支队"]


def test_closing_others_that_finish_a_name_stay_in_it(tmp_path):
    """"各渔业企事业等相关单位": the name before 等 ends like no office (企事业 … 单位), so the closing words finish
    it; after an office ("区渔保协会等相关单位") they are the others a list closes with, no unit."""
    tasks = _tasks(tmp_path, ["二、主要任务", "⒈积极宣传政策措施。", "责任单位：区海洋与渔业执法支队，各渔业企事业等相关单位。",
                              "⒉加强法律法规宣传。", "责任单位：区海洋与渔业执法支队，区渔保协会等相关单位。",
                              "⒊开展安全教育培训。", "责任单位：各乡镇人民政府。"])
    assert [t.lines[0].units for t in tasks[:2]] == [["区海洋与渔业执法支队", "各渔业企事业等相关单位"],
                                                     ["区海洋与渔业执法支队", "区渔保协会"]]

