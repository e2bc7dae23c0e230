"""Issue 13, fixrev55b: review55's reader findings on small made-up notices — a closing part of requirements is no
part of duties by a subject carried into its "要…" points (F1), a document's title is the line under its number (F3), a
part on the importance of the work reads alike whichever word names it (F4), a group the notice sets up is a doer
whatever its kind (F7)."""

from __future__ import annotations

import pytest

from mstrack.errors import NoLayoutError
from mstrack.vocabulary import CLOSING_SECTIONS, REQUIREMENTS_SECTIONS

from .conftest import text_tasks

INSPECTION = ["岚安委〔2018〕15号",
              "某区安全生产委员会关于开展2018年冬季消防安全大检查的通知",
              "各乡镇，区直各有关部门：",
              "为切实做好冬季火灾防控工作，现将有关事项通知如下：",
              "一、检查范围",
              "全区人员密集场所、易燃易爆单位。",
              "二、检查时间",
              "自即日起开展为期一个月的检查。",
              "三、检查内容",
              "消防设施是否完好有效，疏散通道是否畅通。",
              "四、其他要求",
              "（一）各单位要高度重视，切实加强组织领导，层层落实责任。",
              "（二）要严格落实安全生产责任制，做到检查不留死角。",
              "（三）要加强宣传教育，提高群众消防安全意识。",
              "（四）检查结束后，请将检查情况报区安委办。",
              "某区安全生产委员会",
              "2018年11月20日"]


@pytest.mark.parametrize("heading", ["四、其他要求", "四、相关要求", "四、工作要求", "四、其他事项", "四、其他事宜"])
@pytest.mark.parametrize("period", ["自即日起开展为期一个月的检查。", "2018年11月20日至12月20日。"])
def test_a_notices_requirements_are_no_duties_by_a_carried_subject(tmp_path, heading, period):
    """A plain inspection notice whose last part is its requirements, the first naming every addressee ("各单位要…") and
    the next ones leaving the subject out ("要严格…"): no duties — a closing part's doers are its items' own, never
    carried into its "要…" points — whichever word heads it, and whether its time part dates the campaign or not:
    refused, as before the campaign reading."""
    lines = [heading if line == "四、其他要求" else period if line.startswith("自即日起") else line for line in INSPECTION]
    with pytest.raises(NoLayoutError):
        text_tasks(tmp_path, lines, 2018)


def test_a_closing_part_naming_only_the_addressees_is_no_duties(tmp_path):
    """The same points each naming the addressees ("各单位要…") are the notice's requirements on every one of them:
    refused; one point giving its work to an office ("局综合处负责车辆安排") makes the part the campaign's
    arrangements, read with the addressees' points beside it."""
    lines = [line.replace("（二）要", "（二）各单位要").replace("（三）要", "（三）各单位要") for line in INSPECTION]
    with pytest.raises(NoLayoutError):
        text_tasks(tmp_path, lines, 2018)
    lines[lines.index("（四）检查结束后，请将检查情况报区安委办。")] = "（四）局综合处负责车辆安排。"
    tasks = text_tasks(tmp_path, lines, 2018)
    assert [t.code for t in tasks] == ["四(一)", "四(二)", "四(三)", "四(四)"]
    assert [[u for line in t.lines for u in line.lead_units] for t in tasks] == [["各单位"]] * 3 + [["局综合处"]]


def test_requirements_headings_are_one_vocabulary():
    """"七、其他要求", "五、有关事项", "六、其他事宜" are closing sections by the one vocabulary of requirements parts."""
    import re

    for words in ("其他要求", "相关要求", "工作要求", "有关事项", "其他事宜", "工作措施及要求"):
        assert re.search(REQUIREMENTS_SECTIONS, words) and re.search(CLOSING_SECTIONS, words), words
    assert not re.search(CLOSING_SECTIONS, "推进政务服务事项办理")
